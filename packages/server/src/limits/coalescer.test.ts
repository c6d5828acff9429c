import { afterEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from './coalescer.ts';

describe('coalescing per key', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('lets the first through, then only the latest of a burst, once the interval is over', () => {
    vi.useFakeTimers();
    const delivered: string[] = [];
    const coalescer = new Coalescer<string>(1000, (value) => delivered.push(value));
    coalescer.offer('c1', 'typing');
    coalescer.offer('c1', 'stopped');
    coalescer.offer('c1', 'typing');
    coalescer.offer('c1', 'stopped');
    coalescer.offer('c2', 'other');
    expect(delivered).toEqual(['typing', 'other']);
    vi.advanceTimersByTime(999);
    expect(delivered).toEqual(['typing', 'other']);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual(['typing', 'other', 'stopped']);
    vi.advanceTimersByTime(5000);
    expect(delivered).toHaveLength(3);
    coalescer.offer('c1', 'again');
    expect(delivered.at(-1)).toBe('again');
    coalescer.stop();
  });

  it('with no interval passes everything on', () => {
    const delivered: number[] = [];
    const coalescer = new Coalescer<number>(0, (value) => delivered.push(value));
    for (const n of [1, 2, 3]) coalescer.offer('k', n);
    expect(delivered).toEqual([1, 2, 3]);
    coalescer.stop();
  });
});
