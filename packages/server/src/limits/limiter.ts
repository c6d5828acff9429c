// Checks a hit against a rate in the counter store and refuses it, typed, with how long to wait.

import { RateLimited } from '../errors.ts';
import type { CounterStore } from './counter-store.ts';
import type { Rate } from './rates.ts';

export class Limiter {
  constructor(readonly counters: CounterStore) {}

  /**
   * Counts a hit of `key` in every window of the rate; throws `RateLimited` when any window is full,
   * waiting for the longest of the full ones.
   */
  async consume(key: string, rate: Rate, what: string): Promise<void> {
    let waitMs = 0;
    for (const window of rate) {
      const { count, resetInMs } = await this.counters.hit(`${key}/${window.windowMs}`, window.windowMs);
      if (count > window.max) waitMs = Math.max(waitMs, resetInMs);
    }
    if (waitMs > 0) throw new RateLimited(`too many ${what}; try again in ${Math.ceil(waitMs / 1000)} s`, waitMs);
  }
}
