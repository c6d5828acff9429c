// How many sockets one visitor token, one address and one operator session hold open at once.

import type { CounterStore } from './counter-store.ts';

export interface SocketClaim {
  /** The gauge's key, e.g. `sockets:token:HASH`. */
  key: string;
  max: number;
  /** Said in the close reason when this one is full, e.g. "this visitor token". */
  label: string;
}

export type QuotaAnswer = { ok: true; release: () => void } | { ok: false; reason: string };

export class SocketQuota {
  /** The places this node holds, per gauge, which its heartbeat keeps counted in a shared store. */
  private readonly held = new Map<string, number>();

  constructor(private readonly counters: CounterStore) {}

  /** Keeps this node's places counted in a store shared by nodes (see CounterStore.hold). */
  async refresh(): Promise<void> {
    const { counters } = this;
    if (!counters.hold) return;
    for (const [key, count] of [...this.held]) await counters.hold(key, count);
  }

  /** Holds a place under every claim, or none when one is full (the places taken so far are given back). */
  async acquire(claims: readonly SocketClaim[]): Promise<QuotaAnswer> {
    const held: string[] = [];
    for (const claim of claims) {
      const count = await this.counters.adjust(claim.key, 1);
      held.push(claim.key);
      this.count(claim.key, 1);
      if (count > claim.max) {
        await this.giveBack(held);
        return { ok: false, reason: `at most ${claim.max} sockets for ${claim.label}` };
      }
    }
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        void this.giveBack(held);
      },
    };
  }

  private async giveBack(keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.count(key, -1);
      await this.counters.adjust(key, -1);
    }
  }

  private count(key: string, delta: number): void {
    const count = (this.held.get(key) ?? 0) + delta;
    if (count > 0) this.held.set(key, count);
    else this.held.delete(key);
  }
}
