import { describe, expect, it } from 'vitest';
import { delayAfter } from './login-throttle.ts';

describe('the wait after failed logins', () => {
  const settings = { freeFailures: 5, maxDelayMs: 60_000 };

  it('is none for the first failures, then doubles from a second up to the ceiling', () => {
    const waits = [1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 200].map((failures) => delayAfter(failures, settings));
    expect(waits).toEqual([0, 0, 0, 0, 1000, 2000, 4000, 8000, 60_000, 60_000, 60_000]);
  });
});
