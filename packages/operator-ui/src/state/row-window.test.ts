// The rows a long list keeps in the DOM: those in view and a margin, whatever the list's length.

import { describe, expect, it } from 'vitest';
import { nearEnd, rowWindow } from './row-window.ts';

describe('rowWindow', () => {
  it('covers the visible rows plus a margin, at the top and further down', () => {
    expect(rowWindow(0, 800, 80, 10_000, 10)).toEqual({ start: 0, end: 21 });
    const down = rowWindow(400_000, 800, 80, 10_000, 10);
    expect(down).toEqual({ start: 4_990, end: 5_021 });
    expect(down.end - down.start).toBeLessThan(40);
  });

  it('stays inside the list', () => {
    expect(rowWindow(10_000_000, 800, 80, 100, 10)).toEqual({ start: 89, end: 100 });
    expect(rowWindow(-50, 800, 80, 5, 10)).toEqual({ start: 0, end: 5 });
    expect(rowWindow(0, 800, 80, 0)).toEqual({ start: 0, end: 0 });
  });

  it('says when the loaded rows are about to run out', () => {
    expect(nearEnd({ start: 0, end: 21 }, 50, 15)).toBe(false);
    expect(nearEnd({ start: 20, end: 40 }, 50, 15)).toBe(true);
  });
});
