// The event bus between nodes over Redis pub/sub: one channel, each event as JSON, one subscriber
// connection per node. Lossy by design: what is published while Redis is away may never arrive, and a
// receiver finds the gap by seq and reads it from the database.

import type { Redis } from 'ioredis';
import type { BusEvent, EventBus } from '../bus.ts';

export const BUS_CHANNEL = 'livechat:events';

export interface RedisBusOptions {
  /** Nodes of one deployment share it; another deployment on the same Redis takes another. */
  channel?: string;
  /** Hears what a subscriber threw, as the in-process bus does. */
  onError: (err: unknown, event: BusEvent) => void;
  /** Hears a publish that failed, a message that was not an event, and the connection's troubles. */
  onTrouble: (err: unknown) => void;
}

export class RedisBus implements EventBus {
  private readonly handlers = new Set<(event: BusEvent) => void>();
  private readonly resumeHandlers = new Set<() => void>();
  /** Set once the channel was first heard: a later `ready` of the subscriber is a reconnect. */
  private heard = false;
  private readonly subscriber: Redis;
  private readonly channel: string;
  /**
   * Settles once this node hears the channel. Publishes wait for it, so a node hears its own first
   * events; ioredis subscribes again by itself after a reconnect.
   */
  readonly ready: Promise<void>;

  /** `redis` carries the publishes and stays the caller's; the subscriber connection is this bus's own. */
  constructor(
    private readonly redis: Redis,
    private readonly options: RedisBusOptions,
  ) {
    this.channel = options.channel ?? BUS_CHANNEL;
    this.subscriber = redis.duplicate();
    this.subscriber.on('error', options.onTrouble);
    this.subscriber.on('message', (channel: string, text: string) => {
      if (channel === this.channel) this.deliver(text);
    });
    this.subscriber.on('ready', () => {
      if (this.heard) void this.resumed();
    });
    this.ready = this.subscriber.subscribe(this.channel).then(
      () => {
        this.heard = true;
      },
      (err: unknown) => options.onTrouble(err),
    );
  }

  onResume(handler: () => void): () => void {
    this.resumeHandlers.add(handler);
    return () => this.resumeHandlers.delete(handler);
  }

  publish(event: BusEvent): void {
    const text = JSON.stringify(event);
    this.ready.then(() => this.redis.publish(this.channel, text)).catch(this.options.onTrouble);
  }

  subscribe(handler: (event: BusEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  close(): void {
    this.handlers.clear();
    this.resumeHandlers.clear();
    this.subscriber.disconnect();
  }

  /**
   * ioredis subscribes again by itself on `ready`; subscribing once more resolves only after that, on
   * the same connection, so the handlers run once the channel is heard again and an event published
   * from then on reaches this node.
   */
  private async resumed(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channel);
    } catch (err) {
      this.options.onTrouble(err);
      return;
    }
    for (const handler of this.resumeHandlers) {
      try {
        handler();
      } catch (err) {
        this.options.onTrouble(err);
      }
    }
  }

  private deliver(text: string): void {
    let event: BusEvent;
    try {
      // Only nodes of this deployment publish on the channel, with JSON.stringify of a BusEvent.
      event = JSON.parse(text) as BusEvent;
    } catch (err) {
      this.options.onTrouble(err);
      return;
    }
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch (err) {
        this.options.onError(err, event);
      }
    }
  }
}
