import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { READ_INTERVAL_MS, ReadThrottle } from './read-throttle.ts';

describe('the visitor’s reads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends the latest seq once per interval, and never a lower one', () => {
    const sent: number[] = [];
    const reads = new ReadThrottle((seq) => sent.push(seq) > 0);
    reads.seen(3);
    reads.seen(5);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(READ_INTERVAL_MS);
    expect(sent).toEqual([5]);
    reads.seen(4);
    reads.seen(5);
    vi.advanceTimersByTime(READ_INTERVAL_MS * 3);
    expect(sent).toEqual([5]);
    reads.seen(7);
    vi.advanceTimersByTime(READ_INTERVAL_MS);
    expect(sent).toEqual([5, 7]);
  });

  it('keeps what could not be sent for the next flush', () => {
    let connected = false;
    const sent: number[] = [];
    const reads = new ReadThrottle((seq) => connected && sent.push(seq) > 0);
    reads.seen(2);
    vi.advanceTimersByTime(READ_INTERVAL_MS);
    expect(sent).toEqual([]);
    connected = true;
    reads.flush();
    expect(sent).toEqual([2]);
  });

  it('starts again from nothing in another conversation', () => {
    const sent: number[] = [];
    const reads = new ReadThrottle((seq) => sent.push(seq) > 0);
    reads.seen(9);
    vi.advanceTimersByTime(READ_INTERVAL_MS);
    reads.reset();
    reads.seen(1);
    vi.advanceTimersByTime(READ_INTERVAL_MS);
    expect(sent).toEqual([9, 1]);
  });
});
