import { describe, expect, it } from 'vitest';
import { mergeMessages } from './message-merge.ts';
import { message } from './test-messages.ts';

const seqs = (messages: readonly { seq: number }[]) => messages.map((m) => m.seq);

describe('mergeMessages', () => {
  it('appends new messages in seq order', () => {
    expect(seqs(mergeMessages([message(1), message(2)], [message(3)]))).toEqual([1, 2, 3]);
  });

  it('orders messages that arrive out of order', () => {
    expect(seqs(mergeMessages([message(4)], [message(2), message(5), message(1)]))).toEqual([1, 2, 4, 5]);
  });

  it('keeps one copy of a message received both as an ack and in a sync', () => {
    const ack = message(3, { clientId: 'abc', author: { kind: 'visitor', id: 'v', name: 'Me' } });
    const afterAck = mergeMessages([message(1), message(2)], [ack]);
    const afterSync = mergeMessages(afterAck, [message(2), { ...ack }, message(4)]);
    expect(seqs(afterSync)).toEqual([1, 2, 3, 4]);
    expect(afterSync[2]).toBe(ack);
  });

  it('drops duplicates within one batch', () => {
    expect(seqs(mergeMessages([], [message(1), message(1), message(2)]))).toEqual([1, 2]);
  });

  it('returns the same list when nothing is new, so nothing re-renders', () => {
    const current = [message(1), message(2)];
    expect(mergeMessages(current, [message(2)])).toBe(current);
    expect(mergeMessages(current, [])).toBe(current);
  });

  it('does not change the lists it is given', () => {
    const current = [message(2)];
    const incoming = [message(3), message(1)];
    mergeMessages(current, incoming);
    expect(seqs(current)).toEqual([2]);
    expect(seqs(incoming)).toEqual([3, 1]);
  });
});
