// Failed logins slow down the next ones, per address and per account: a few are free, then each
// waits twice as long as the one before, up to a ceiling. A success clears the account's count.

import { RateLimited } from '../errors.ts';
import type { CounterStore } from './counter-store.ts';

/** Failures are remembered this long after the first of a run. */
const FAILURES_KEPT_MS = 3_600_000;

export interface LoginThrottleSettings {
  freeFailures: number;
  maxDelayMs: number;
}

/** The wait after the `failures`-th failure in a row: none for the free ones, then 1 s, 2 s, 4 s … */
export function delayAfter(failures: number, settings: LoginThrottleSettings): number {
  if (failures < settings.freeFailures) return 0;
  const doublings = Math.min(failures - settings.freeFailures, 30);
  return Math.min(1000 * 2 ** doublings, settings.maxDelayMs);
}

export class LoginThrottle {
  constructor(
    private readonly counters: CounterStore,
    private readonly settings: LoginThrottleSettings,
  ) {}

  /** Refuses a login while the address or the account still has to wait. */
  async check(address: string, email: string): Promise<void> {
    for (const key of keysOf(address, email)) {
      const waiting = await this.counters.peek(`login-wait:${key}`);
      if (waiting) {
        const seconds = Math.ceil(waiting.resetInMs / 1000);
        throw new RateLimited(`too many failed logins; try again in ${seconds} s`, waiting.resetInMs);
      }
    }
  }

  async failed(address: string, email: string): Promise<void> {
    for (const key of keysOf(address, email)) {
      const { count } = await this.counters.hit(`login-failures:${key}`, FAILURES_KEPT_MS);
      const delay = delayAfter(count, this.settings);
      if (delay === 0) continue;
      await this.counters.reset(`login-wait:${key}`);
      await this.counters.hit(`login-wait:${key}`, delay);
    }
  }

  async succeeded(email: string): Promise<void> {
    const [, account] = keysOf('', email);
    await this.counters.reset(`login-failures:${account}`);
  }
}

function keysOf(address: string, email: string): [string, string] {
  return [`ip:${address}`, `account:${email.trim().toLowerCase()}`];
}
