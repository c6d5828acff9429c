// Load-process side of the restart avalanche: many connected visitors lose the server at once and
// come back with the widget's backoff; each must resume with what it missed, exactly once.

import { RetrySchedule } from '../../../packages/widget/src/backoff.ts';
import { clockMs, waitUntil } from '../stats.ts';
import { type Endpoint, inBatches } from './livechat-client.ts';
import type { SystemName } from './participants.ts';
import { connectR1 } from './relay-clients.ts';
import { ResilientVisitor } from './resilient-visitor.ts';

/** A bare relay client that only reconnects, with the same backoff: the transport's floor. */
class ReconnectingRelay {
  readonly reconnectedAt: number[] = [];
  private readonly retries = new RetrySchedule(clockMs);
  private stopped = false;
  private close: () => void = () => {};

  constructor(
    private readonly url: string,
    private readonly room: string,
  ) {}

  async start(resuming = false): Promise<void> {
    const socket = await connectR1(this.url, { role: 'visitor', room: this.room });
    this.retries.reset();
    if (resuming) this.reconnectedAt.push(clockMs());
    this.close = () => socket.close();
    socket.onClose = () => {
      if (!this.stopped) this.retryLater();
    };
  }

  stop(): void {
    this.stopped = true;
    this.close();
  }

  private retryLater(): void {
    setTimeout(() => void this.start(true).catch(() => this.retryLater()), this.retries.next());
  }
}

let visitors: ResilientVisitor[] = [];
let relays: ReconnectingRelay[] = [];

export const avalancheHandlers = {
  async avalancheConnect({
    system,
    server,
    visitors: names,
  }: {
    system: SystemName;
    server: Endpoint;
    visitors: string[];
  }) {
    if (system === 'livechat') {
      visitors = names.map(
        (token, i) => new ResilientVisitor(server, token, `a${i}-${Math.random().toString(36).slice(2, 8)}`),
      );
      await inBatches(visitors, 100, (visitor) => visitor.start());
      // A visitor needs a conversation for the server to store what it will miss.
      await inBatches(visitors, 50, async (visitor) => {
        if (visitor.conversationId) return;
        visitor.send('hello');
        await waitUntil(() => visitor.outbox.size === 0, 20_000, 'the ack of a first message');
      });
    } else {
      relays = names.map((room) => new ReconnectingRelay(server.url, room));
      await inBatches(relays, 100, (relay) => relay.start());
    }
    return { connected: names.length };
  },

  /** When each client was back (its first resumption after the restart) and what it is missing. */
  avalancheResult({ lastSeq }: { lastSeq?: Record<string, number> }) {
    const resumedAt = [
      ...visitors.map((v) => v.resumedAt[0] ?? null),
      ...relays.map((r) => r.reconnectedAt[0] ?? null),
    ];
    let missing = 0;
    let duplicates = 0;
    let withoutConversation = 0;
    for (const visitor of visitors) {
      if (!visitor.conversationId) withoutConversation += 1;
      missing += visitor.missingUpTo(lastSeq?.[visitor.conversationId ?? ''] ?? 0);
      duplicates += visitor.duplicates;
    }
    return { resumedAt, missing, duplicates, withoutConversation };
  },

  avalancheClose() {
    for (const client of [...visitors, ...relays]) client.stop();
    visitors = [];
    relays = [];
  },
};
