// A visitor's client that behaves as the widget's transport does across a lost connection: it
// reconnects, resumes by the last seq it saw, and sends again what was not acknowledged, with the
// same client ids.

import type { Message, ServerToClient } from '@livechat/protocol';
import WebSocket from 'ws';
import { SITE_ORIGIN } from '../harness.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ResumingVisitor {
  /** Every seq this client was given, in the order it was given them (a sync, a live message, an ack). */
  readonly seen: number[] = [];
  /**
   * The seqs of the others' messages and of what a sync brought, which the server sends in order; an
   * ack may come after later messages (the first one's, after the system line its hand-out wrote).
   */
  readonly streamed: number[] = [];
  /** Client ids the server acknowledged, with the seq each got. */
  readonly acknowledged = new Map<string, number>();
  /** Sent, or to be sent, and not acknowledged: resent on every new connection. */
  private readonly outbox = new Map<string, string>();
  private socket: WebSocket | null = null;
  private frameCounter = 0;
  private stopped = false;
  /** What happened, in order (each connection, sync, message and ack), for a failing test to show. */
  readonly log: string[] = [];
  /** How many times the client had to connect again. */
  reconnects = 0;
  conversationId: string | null = null;

  constructor(
    private readonly wsUrl: string,
    private readonly name: string,
  ) {}

  /** The highest seq given: where a sync resumes. */
  get lastSeq(): number {
    return Math.max(0, ...this.seen);
  }

  get unacknowledged(): number {
    return this.outbox.size;
  }

  /** Connects, resumes from the last seq, and sends the outbox again; retries until a node takes it. */
  async connect(): Promise<void> {
    for (;;) {
      try {
        await this.open();
        return;
      } catch {
        await pause(50);
      }
    }
  }

  /** Queues a message and sends it now if connected; a lost connection resends it later. */
  send(n: number): void {
    const clientId = `${this.name}-${n}`;
    const body = `${this.name} says ${n}`;
    this.outbox.set(clientId, body);
    this.transmit(clientId, body);
  }

  close(): void {
    this.stopped = true;
    this.socket?.close();
  }

  private transmit(clientId: string, body: string): void {
    if (this.socket?.readyState !== WebSocket.OPEN) return;
    this.frameCounter += 1;
    this.socket.send(JSON.stringify({ type: 'message.send', id: `f${this.frameCounter}`, clientId, body }));
  }

  private open(): Promise<void> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(this.wsUrl, { headers: { origin: SITE_ORIGIN } });
      const syncId = `sync-${this.reconnects}`;
      socket.once('error', reject);
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      this.log.push(`connect ${this.reconnects}`);
      socket.on('message', (data) => {
        const frame = JSON.parse(data.toString()) as ServerToClient;
        if (frame.type === 'welcome') {
          socket.send(JSON.stringify({ type: 'sync', id: syncId, afterSeq: this.lastSeq }));
        } else if (frame.type === 'sync.result' && frame.id === syncId) {
          this.log.push(`sync [${frame.messages.map((m) => m.seq).join(' ')}]`);
          for (const message of frame.messages) this.take(message, true);
          this.socket = socket;
          socket.removeAllListeners('error');
          socket.on('error', () => {});
          socket.once('close', () => this.lost());
          // What the sync did not bring back was never stored: send it again, under the same ids.
          for (const [clientId, body] of this.outbox) this.transmit(clientId, body);
          resolve();
        } else if (frame.type === 'message.created') {
          this.take(frame.message, true);
        } else if (frame.type === 'message.ack') {
          this.take(frame.message, false);
        }
      });
    });
  }

  private take(message: Message, streamed: boolean): void {
    this.log.push(`${streamed ? 'message' : 'ack'} ${message.seq}`);
    if (streamed) this.streamed.push(message.seq);
    this.conversationId = message.conversationId;
    if (message.clientId && this.outbox.delete(message.clientId)) {
      this.acknowledged.set(message.clientId, message.seq);
    }
    this.seen.push(message.seq);
  }

  private lost(): void {
    this.socket = null;
    if (this.stopped) return;
    this.reconnects += 1;
    void this.connect();
  }
}
