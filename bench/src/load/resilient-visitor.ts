// A visitor that behaves like the widget when its connection drops: reconnects with the widget's
// backoff, resumes by seq, resends what was not acknowledged under the same client id, and keeps
// the evidence needed to check that every message arrived exactly once.

import { CLOSE_SERVICE_RESTART, type Message } from '@livechat/protocol';
import { RetrySchedule } from '../../../packages/widget/src/backoff.ts';
import { clockMs } from '../stats.ts';
import { connectVisitor, type Endpoint, type LcSocket } from './livechat-client.ts';

export class ResilientVisitor {
  conversationId: string | null = null;
  /** Seqs the visitor knows of, from acks and deliveries. */
  readonly known = new Set<number>();
  /** Seqs that arrived as deliveries (message.created or inside a sync result). */
  private readonly delivered = new Set<number>();
  /** Seqs before the bench started: history the visitor does not need again. */
  base = 0;
  duplicates = 0;
  errors = 0;
  /** Client id → body, for messages sent and not yet acknowledged. */
  readonly outbox = new Map<string, string>();
  readonly acked = new Map<string, number>();
  /** When each resumption (reconnect + sync answered) completed, on the shared monotonic clock. */
  readonly resumedAt: number[] = [];
  private socket: LcSocket | null = null;
  /** The widget's own reconnect delays, on the clock the load processes share. */
  private readonly retries = new RetrySchedule(clockMs);
  private stopped = false;
  private counter = 0;

  constructor(
    private readonly server: Endpoint,
    private readonly token: string,
    private readonly name: string,
  ) {}

  get connected(): boolean {
    return this.socket?.open === true;
  }

  /** The highest seq up to which the visitor has everything. */
  get cursor(): number {
    let seq = this.base;
    while (this.known.has(seq + 1)) seq += 1;
    return seq;
  }

  /** First connection: history up to now counts as already seen. */
  async start(): Promise<void> {
    const { socket, welcome } = await connectVisitor(this.server, this.token);
    if (welcome.type === 'welcome' && welcome.role === 'visitor' && welcome.conversation) {
      this.conversationId = welcome.conversation.id;
      this.base = welcome.conversation.lastSeq;
    }
    await this.adopt(socket, false);
  }

  /** Sends (or queues until reconnected) a message; returns its client id. */
  send(body: string): string {
    this.counter += 1;
    const clientId = `${this.name}.${this.counter}`;
    this.outbox.set(clientId, body);
    this.socket?.send({ type: 'message.send', id: this.socket.nextId(), clientId, body });
    return clientId;
  }

  /** Drops the connection without a closing handshake, as a lost network does. */
  forceClose(): void {
    this.socket?.terminate();
  }

  stop(): void {
    this.stopped = true;
    this.socket?.close();
  }

  /** Seqs in 1..lastSeq beyond the base that the visitor never got. */
  missingUpTo(lastSeq: number): number {
    let missing = 0;
    for (let seq = this.base + 1; seq <= lastSeq; seq++) if (!this.known.has(seq)) missing += 1;
    return missing;
  }

  hasDelivered(seq: number): boolean {
    return this.delivered.has(seq) || this.known.has(seq);
  }

  private async adopt(socket: LcSocket, resuming: boolean): Promise<void> {
    this.socket = socket;
    socket.onFrame = (frame) => {
      if (frame.type === 'message.created') this.record(frame.message, null);
      else if (frame.type === 'sync.result') frame.messages.forEach((message) => this.record(message, syncedAfter));
      else if (frame.type === 'message.ack') {
        this.outbox.delete(frame.message.clientId ?? '');
        this.acked.set(frame.message.clientId ?? '', frame.message.seq);
        this.conversationId ??= frame.message.conversationId;
        this.known.add(frame.message.seq);
      } else if (frame.type === 'error') this.errors += 1;
    };
    socket.onClose = (code) => {
      if (this.socket === socket) this.socket = null;
      if (code === CLOSE_SERVICE_RESTART) this.retries.restarting();
      if (!this.stopped) this.reconnectLater();
    };
    const syncedAfter = this.cursor;
    await socket.request<'sync.result'>({ type: 'sync', id: socket.nextId(), afterSeq: syncedAfter });
    if (resuming) this.resumedAt.push(clockMs());
    for (const [clientId, body] of this.outbox)
      socket.send({ type: 'message.send', id: socket.nextId(), clientId, body });
  }

  /**
   * A duplicate is a message the server pushes again unasked: a message.created for a seq already
   * delivered, or a sync answer reaching back to or before the seq asked from. A sync answer may
   * rightly repeat a seq beyond the cursor that came live before its connection dropped (a
   * message.created can precede the ack of the visitor's own earlier message).
   */
  private record(message: Message, syncedAfter: number | null): void {
    this.conversationId ??= message.conversationId;
    const repeated = syncedAfter === null ? this.delivered.has(message.seq) : message.seq <= syncedAfter;
    if (repeated) this.duplicates += 1;
    this.delivered.add(message.seq);
    this.known.add(message.seq);
  }

  private reconnectLater(): void {
    setTimeout(() => void this.reconnect(), this.retries.next());
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    let socket: LcSocket;
    try {
      socket = (await connectVisitor(this.server, this.token)).socket;
    } catch {
      this.reconnectLater();
      return;
    }
    this.retries.reset();
    // A socket lost during the sync schedules its own reconnect through onClose.
    await this.adopt(socket, true).catch(() => undefined);
  }
}
