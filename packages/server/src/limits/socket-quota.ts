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
  constructor(private readonly counters: CounterStore) {}

  /** Holds a place under every claim, or none when one is full (the places taken so far are given back). */
  async acquire(claims: readonly SocketClaim[]): Promise<QuotaAnswer> {
    const held: string[] = [];
    for (const claim of claims) {
      const count = await this.counters.adjust(claim.key, 1);
      held.push(claim.key);
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
    for (const key of keys) await this.counters.adjust(key, -1);
  }
}
