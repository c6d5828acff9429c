import { describe, expect, it } from 'vitest';
import { BACKOFF_MAX_MS, backoffCeiling, backoffDelay, RESTART_WINDOW_MS, RetrySchedule } from './backoff.ts';

describe('reconnect backoff', () => {
  it('doubles from half a second up to a 15 second cap', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(backoffCeiling)).toEqual([500, 1000, 2000, 4000, 8000, 15000, 15000, 15000]);
  });

  it('jitters within the upper half of each step', () => {
    expect(backoffDelay(0, () => 0)).toBe(250);
    expect(backoffDelay(0, () => 1)).toBe(500);
    expect(backoffDelay(3, () => 0.5)).toBe(3000);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    for (let attempt = 0; attempt < 60; attempt++) {
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(backoffCeiling(attempt) / 2);
      expect(delay).toBeLessThanOrEqual(BACKOFF_MAX_MS);
    }
  });

  it('grows with each attempt, starts over once connected, and stays within 2 s after a restart', () => {
    let clock = 0;
    const retries = new RetrySchedule(() => clock);
    const top = () => 1;
    expect([1, 2, 3, 4, 5].map(() => retries.next(top))).toEqual([500, 1000, 2000, 4000, 8000]);
    retries.reset();
    expect(retries.next(top)).toBe(500);
    retries.restarting();
    expect([1, 2, 3, 4, 5].map(() => retries.next(top))).toEqual([500, 1000, 2000, 2000, 2000]);
    clock += RESTART_WINDOW_MS;
    expect(retries.next(top)).toBe(15000);
  });
});
