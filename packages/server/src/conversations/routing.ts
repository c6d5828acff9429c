// The queue hand-out: queued conversations go, oldest first, to online operators under their capacity,
// least busy first. One function, run on each of the triggers below and never twice at once on any node.

import type { Store } from '../db/store.ts';
import type { Presence } from '../realtime/presence.ts';
import type { Conversation } from './repository.ts';

/**
 * Why the queue is handed out now: a new conversation; an operator set themselves online, opened
 * their first socket, or got a higher capacity; a slot was freed (a resolve, an end, a transfer away,
 * a /leave, a disabled operator).
 */
export type HandOutTrigger = 'new-conversation' | 'came-online' | 'connected' | 'capacity' | 'slot-freed';

/** A conversation the queue gave to an operator: stored, not yet announced. */
export interface HandedOut {
  conversation: Conversation;
  operatorId: string;
}

export class QueueRouter {
  constructor(
    private readonly store: Store,
    private readonly presence: Presence,
    private readonly onError: (err: unknown) => void,
  ) {}

  /**
   * Stores who gets which queued conversation and resolves with them, once this hand-out (and any
   * before it, on any node) is done; the caller announces them. A trigger that comes while another
   * hand-out runs waits for it and then looks again, so it is never lost. Never rejects.
   */
  async handOut(_trigger: HandOutTrigger): Promise<HandedOut[]> {
    try {
      return await this.store.jobs.exclusive('queue-hand-out', () => this.handOutNow());
    } catch (err) {
      this.onError(err);
      return [];
    }
  }

  /** Operators who may get a chat now: a socket open, online, usable; with their open count and capacity. */
  async takers(): Promise<Array<{ id: string; open: number; capacity: number }>> {
    const info = await this.store.operators.routingInfo(await this.presence.online());
    const online = info.filter((operator) => operator.availability === 'online');
    const counts = await this.store.conversations.openCounts(online.map((operator) => operator.id));
    return online.map((operator) => ({
      id: operator.id,
      open: counts.get(operator.id) ?? 0,
      capacity: operator.capacity,
    }));
  }

  private async handOutNow(): Promise<HandedOut[]> {
    const takers = await this.takers();
    const free = takers.reduce((n, taker) => n + Math.max(0, taker.capacity - taker.open), 0);
    const handed: HandedOut[] = [];
    if (free === 0) return handed;
    for (const conversation of await this.store.conversations.queued(free)) {
      // Least busy first; one who left this conversation does not get it back.
      const taker = takers
        .filter((t) => t.open < t.capacity && !conversation.leftIds.includes(t.id))
        .sort((a, b) => a.open - b.open || a.id.localeCompare(b.id))[0];
      if (!taker) continue;
      handed.push({
        conversation: await this.store.conversations.join(conversation.id, taker.id),
        operatorId: taker.id,
      });
      taker.open += 1;
    }
    return handed;
  }
}
