import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QuietMerge } from './quiet-merge.ts';
import type { SearchIndexMerge } from './repository.ts';

/** An index with `left` steps of merging to do, and a connection others write on too. */
class FakeIndex implements SearchIndexMerge {
  calls = 0;
  private count = 0;

  constructor(public left: number) {}

  mergeStep(): boolean {
    this.calls++;
    this.count++;
    if (this.left === 0) return false;
    this.left--;
    this.count += 2;
    return true;
  }

  writes(): number {
    return this.count;
  }

  segments(): number {
    return this.left + 1;
  }

  /** A message appended by the server. */
  append(): void {
    this.count++;
  }
}

const log = { warn: () => {}, error: () => {} };
let merge: QuietMerge | undefined;
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  merge?.stop();
  vi.useRealTimers();
});

describe('QuietMerge', () => {
  it('merges after a whole quiet interval, step by step, and stops when nothing is left', () => {
    const index = new FakeIndex(5);
    merge = new QuietMerge(index, 100, log);
    vi.advanceTimersByTime(99);
    expect(index.calls).toBe(0);
    vi.advanceTimersByTime(1);
    // The first step runs at once, each next one after the event loop had its turn.
    expect(index.calls).toBe(1);
    vi.advanceTimersByTime(50);
    expect(index.left).toBe(0);
    expect(merge.settled).toBe(true);
    expect(merge.steps).toBe(5);

    const calls = index.calls;
    vi.advanceTimersByTime(10_000);
    expect(index.calls).toBe(calls);
  });

  it('does not start while the server writes, and pauses at the first write between two steps', () => {
    const index = new FakeIndex(100);
    merge = new QuietMerge(index, 100, log);
    for (let i = 0; i < 10; i++) {
      index.append();
      vi.advanceTimersByTime(100);
    }
    expect(index.calls).toBe(0);

    vi.advanceTimersByTime(100);
    expect(merge.steps).toBe(1);
    index.append();
    vi.advanceTimersByTime(199);
    expect(merge.steps).toBe(1);
    expect(merge.settled).toBe(false);
    vi.advanceTimersByTime(1);
    expect(merge.steps).toBeGreaterThan(1);
  });

  it('looks again after a write once it had nothing left', () => {
    const index = new FakeIndex(0);
    merge = new QuietMerge(index, 100, log);
    vi.advanceTimersByTime(100);
    expect(merge.settled).toBe(true);
    index.left = 2;
    index.append();
    expect(merge.settled).toBe(false);
    vi.advanceTimersByTime(250);
    expect(index.left).toBe(0);
    expect(merge.settled).toBe(true);
  });

  it('runs no step once stopped, not even one already scheduled', () => {
    const index = new FakeIndex(100);
    merge = new QuietMerge(index, 100, log);
    vi.advanceTimersByTime(100);
    merge.stop();
    vi.advanceTimersByTime(10_000);
    expect(index.calls).toBe(1);
  });

  it('logs a failed step and tries again after the next quiet interval', () => {
    const index = new FakeIndex(1);
    const errors: unknown[] = [];
    merge = new QuietMerge(index, 100, { ...log, error: (obj) => errors.push(obj) });
    const step = vi.spyOn(index, 'mergeStep').mockImplementationOnce(() => {
      throw new Error('database is locked');
    });
    vi.advanceTimersByTime(100);
    expect(errors).toHaveLength(1);
    step.mockRestore();
    vi.advanceTimersByTime(150);
    expect(merge.settled).toBe(true);
    expect(merge.steps).toBe(1);
  });
});
