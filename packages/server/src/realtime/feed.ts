// Gap-free delivery of one conversation's messages to one connection: live events are passed on
// in seq order, and whenever one is missing the feed reads the gap from the database first.

import type { Message } from '@livechat/protocol';

interface Pending {
  message: Message;
  /** Counted as delivered without being sent (the sender already has it through its ack). */
  silent: boolean;
}

export class ConversationFeed {
  private delivered: number;
  private reading = true;
  private pending: Pending[] = [];
  private closed = false;
  /** Callers waiting until the connection has been given everything up to a seq. */
  private waiters: Array<{ seq: number; resolve: () => void }> = [];

  constructor(
    afterSeq: number,
    private readonly read: (afterSeq: number) => Promise<Message[]>,
    private readonly emit: (message: Message) => void,
  ) {
    this.delivered = afterSeq;
  }

  /** The highest seq this connection has been given. */
  get cursor(): number {
    return this.delivered;
  }

  /**
   * Reads what follows the starting seq, for the caller to send as one batch; live events that
   * arrive meanwhile wait until `release()`.
   */
  async initial(): Promise<Message[]> {
    const messages = await this.read(this.delivered);
    const last = messages.at(-1);
    if (last) this.delivered = last.seq;
    return messages;
  }

  /** Starts passing live events on, beginning with those that queued up during `initial()`. */
  release(): void {
    this.reading = false;
    this.drain();
  }

  /** Streams whatever the store holds beyond the cursor (the rest of a backlog longer than a page). */
  catchUp(): void {
    if (!this.reading && !this.closed) void this.fillGap();
  }

  push(message: Message, silent = false): void {
    if (this.closed || message.seq <= this.delivered) return;
    this.pending.push({ message, silent });
    if (!this.reading) this.drain();
  }

  /**
   * Resolves once every message up to `seq` has been passed on (or the feed closed). An ack sent
   * after this can never overtake an earlier message, so a client may take the highest seq it has
   * seen as its resume point.
   */
  reached(seq: number): Promise<void> {
    if (this.closed || seq <= this.delivered) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ seq, resolve }));
  }

  close(): void {
    this.closed = true;
    this.pending = [];
    this.releaseWaiters(Number.POSITIVE_INFINITY);
  }

  private releaseWaiters(upTo: number): void {
    if (this.waiters.length === 0) return;
    const ready = this.waiters.filter((waiter) => waiter.seq <= upTo);
    this.waiters = this.waiters.filter((waiter) => waiter.seq > upTo);
    for (const waiter of ready) waiter.resolve();
  }

  private drain(): void {
    this.pending.sort((a, b) => a.message.seq - b.message.seq);
    this.drainPending();
    this.releaseWaiters(this.delivered);
  }

  private drainPending(): void {
    while (this.pending.length > 0 && !this.closed) {
      const next = this.pending[0] as Pending;
      if (next.message.seq <= this.delivered) {
        this.pending.shift();
      } else if (next.message.seq === this.delivered + 1) {
        this.pending.shift();
        this.delivered = next.message.seq;
        if (!next.silent) this.emit(next.message);
      } else {
        void this.fillGap();
        return;
      }
    }
  }

  private skipGap(): void {
    const first = this.pending[0];
    if (first) this.delivered = first.message.seq - 1;
  }

  private async fillGap(): Promise<void> {
    this.reading = true;
    const before = this.delivered;
    try {
      // Page by page until the store has nothing more beyond the cursor.
      for (;;) {
        const missing = await this.read(this.delivered);
        let progressed = false;
        for (const message of missing) {
          if (this.closed) return;
          if (message.seq !== this.delivered + 1) break;
          this.delivered = message.seq;
          progressed = true;
          const queued = this.pending.find((item) => item.message.seq === message.seq);
          if (!queued?.silent) this.emit(message);
        }
        if (!progressed) break;
      }
    } finally {
      this.reading = false;
    }
    // The store always has what an event announced; if it somehow does not, pass the queued
    // events on rather than retry forever.
    if (this.delivered === before) this.skipGap();
    this.drain();
  }
}
