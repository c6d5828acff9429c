// Counts are refetched at most once per interval however many frames change the lists.

import { describe, expect, it } from 'vitest';
import { type Timers, throttle } from './throttle.ts';

function fakeTimers() {
  let now = 0;
  const pending: Array<{ at: number; run: () => void }> = [];
  const timers: Timers = {
    now: () => now,
    setTimeout: (run, ms) => {
      const entry = { at: now + ms, run };
      pending.push(entry);
      return entry;
    },
    clearTimeout: (handle) => {
      const index = pending.indexOf(handle as (typeof pending)[number]);
      if (index >= 0) pending.splice(index, 1);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    for (const entry of pending.filter((item) => item.at <= now)) {
      pending.splice(pending.indexOf(entry), 1);
      entry.run();
    }
  };
  return { timers, advance };
}

describe('throttle', () => {
  it('runs at once, then once more at the end of the interval for any number of calls', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const refresh = throttle(() => runs++, 1_000, timers);
    refresh();
    expect(runs).toBe(1);
    for (let call = 0; call < 20; call++) refresh();
    expect(runs).toBe(1);
    advance(999);
    expect(runs).toBe(1);
    advance(1);
    expect(runs).toBe(2);
    advance(5_000);
    expect(runs).toBe(2);
  });

  it('runs at once again after a quiet interval, and a cancelled run never comes', () => {
    const { timers, advance } = fakeTimers();
    let runs = 0;
    const refresh = throttle(() => runs++, 1_000, timers);
    refresh();
    advance(1_500);
    refresh();
    expect(runs).toBe(2);
    refresh();
    refresh.cancel();
    advance(2_000);
    expect(runs).toBe(2);
  });
});
