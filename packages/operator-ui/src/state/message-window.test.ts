// A 5,000-message conversation keeps a bounded window in the DOM as the operator scrolls up, down, and jumps back.

import { describe, expect, it } from 'vitest';
import {
  around,
  holdAt,
  LATEST,
  laterCount,
  showEarlier,
  showLater,
  WINDOW_MAX,
  WINDOW_SIZE,
  WINDOW_STEP,
  windowRange,
} from './message-window.ts';

const keys = (count: number) => Array.from({ length: count }, (_, index) => `m:${index + 1}`);

describe('the message window', () => {
  it('opens on the newest messages only', () => {
    const all = keys(5000);
    expect(windowRange(all, LATEST)).toEqual({ start: 5000 - WINDOW_SIZE, end: 5000 });
    expect(windowRange(keys(12), LATEST)).toEqual({ start: 0, end: 12 });
    expect(windowRange([], LATEST)).toEqual({ start: 0, end: 0 });
  });

  it('follows new messages while it ends at the newest, keeping its size', () => {
    const all = keys(5000);
    const range = windowRange([...all, 'm:5001'], LATEST);
    expect(range).toEqual({ start: 5001 - WINDOW_SIZE, end: 5001 });
  });

  it('stops following once held: new messages wait below, counted for "Jump to latest"', () => {
    const all = keys(300);
    const held = holdAt(all, LATEST);
    const grown = [...all, 'm:301', 'm:302'];
    expect(windowRange(grown, held)).toEqual({ start: 300 - WINDOW_SIZE, end: 300 });
    expect(laterCount(grown, held)).toBe(2);
    expect(laterCount(grown, LATEST)).toBe(0);
  });

  it('grows upwards as the operator scrolls up, then slides, never past the bound', () => {
    const all = keys(5000);
    let anchor = LATEST;
    const sizes: number[] = [];
    for (let step = 0; step < 200; step++) {
      anchor = showEarlier(all, anchor);
      const { start, end } = windowRange(all, anchor);
      sizes.push(end - start);
      expect(end - start).toBeLessThanOrEqual(WINDOW_MAX);
    }
    expect(sizes[0]).toBe(WINDOW_SIZE + WINDOW_STEP);
    // Reached the first message, with the window at its bound.
    expect(windowRange(all, anchor)).toEqual({ start: 0, end: WINDOW_MAX });
    expect(showEarlier(all, anchor)).toBe(anchor);
  });

  it('moves back down a step at a time and ends following the newest again', () => {
    const all = keys(1000);
    let anchor = LATEST;
    for (let step = 0; step < 40; step++) anchor = showEarlier(all, anchor);
    expect(windowRange(all, anchor).start).toBe(0);
    let steps = 0;
    while (anchor.lastKey !== null) {
      const before = windowRange(all, anchor);
      anchor = showLater(all, anchor);
      const after = windowRange(all, anchor);
      expect(after.end).toBeGreaterThan(before.end);
      expect(after.end - after.start).toBeLessThanOrEqual(WINDOW_MAX);
      steps += 1;
    }
    expect(steps).toBe(Math.ceil((1000 - WINDOW_MAX) / WINDOW_STEP));
    expect(windowRange(all, anchor).end).toBe(1000);
  });

  it('brings an old message into the window with a margin after it', () => {
    const all = keys(5000);
    const anchor = around(all, 1234);
    const { start, end } = windowRange(all, anchor);
    expect(start).toBeLessThanOrEqual(1234);
    expect(end).toBe(1234 + 21);
    expect(around(all, 4995).lastKey).toBeNull();
  });

  it('falls back to the newest when its last item left the list', () => {
    const all = keys(100);
    const anchor = { lastKey: 'p:gone', size: WINDOW_SIZE };
    expect(windowRange(all, anchor)).toEqual({ start: 100 - WINDOW_SIZE, end: 100 });
  });
});
