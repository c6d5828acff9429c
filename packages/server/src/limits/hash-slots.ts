// At most a few password hashes at once: scrypt runs on libuv's thread pool, which also reads the
// files `/widget.js` is served from, so a burst of logins must not take every thread.

import { RateLimited } from '../errors.ts';

export class HashSlots {
  private busy = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly slots: number,
    private readonly maxWaitMs: number,
  ) {}

  /** Runs `work` in a slot; when none frees up within the wait, refuses with `rate_limited`. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    // A freed slot is handed straight to the first in line, so that no newcomer slips in between.
    if (this.busy >= this.slots) await this.waitForSlot();
    else this.busy += 1;
    try {
      return await work();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.busy -= 1;
    }
  }

  private waitForSlot(): Promise<void> {
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(turn);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(new RateLimited('the server is busy checking other logins; try again in a moment', 1000));
      }, this.maxWaitMs);
      this.waiting.push(turn);
    });
  }
}
