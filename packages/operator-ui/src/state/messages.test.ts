// Messages arriving several ways end up once each, in seq order, and syncs resume at the right seq.

import { describe, expect, it } from 'vitest';
import { aMessage } from '../test-fixtures.ts';
import { contiguousSeq, lastSeq, mergeMessages } from './messages.ts';

describe('mergeMessages', () => {
  it('orders messages by seq whatever order they arrive in', () => {
    const merged = mergeMessages([aMessage(2)], [aMessage(3), aMessage(1)]);
    expect(merged.map((m) => m.seq)).toEqual([1, 2, 3]);
  });

  it('keeps one copy of a message that arrives by ack, live event and sync', () => {
    const ack = aMessage(4, { clientId: 'k1' });
    let list = mergeMessages([], [ack]);
    list = mergeMessages(list, [{ ...ack }]);
    list = mergeMessages(list, [aMessage(3), { ...ack }]);
    expect(list.map((m) => m.seq)).toEqual([3, 4]);
  });

  it('returns the same array when nothing new arrived, so nothing re-renders', () => {
    const list = mergeMessages([], [aMessage(1), aMessage(2)]);
    expect(mergeMessages(list, [aMessage(2)])).toBe(list);
    expect(mergeMessages(list, [])).toBe(list);
  });
});

describe('seq bookkeeping', () => {
  it('reads the newest seq, or 0 for an empty conversation', () => {
    expect(lastSeq([])).toBe(0);
    expect(lastSeq([aMessage(1), aMessage(7)])).toBe(7);
  });

  it('syncs from the last seq before a gap so the gap gets filled', () => {
    expect(contiguousSeq([aMessage(1), aMessage(2), aMessage(5)])).toBe(2);
    expect(contiguousSeq([aMessage(1), aMessage(2), aMessage(3)])).toBe(3);
  });

  it('syncs from the start when the first messages are missing', () => {
    expect(contiguousSeq([aMessage(4)])).toBe(0);
    expect(contiguousSeq([])).toBe(0);
  });
});
