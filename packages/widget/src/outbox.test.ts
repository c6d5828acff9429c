import { describe, expect, it } from 'vitest';
import { Outbox, parseOutbox } from './outbox.ts';
import { memoryStore } from './storage.ts';

const KEY = 'livechat:site-1:outbox';
const item = (clientId: string, body = `text of ${clientId}`) => ({
  clientId,
  body,
  createdAt: '2025-01-01T12:00:00.000Z',
});

describe('outbox', () => {
  it('survives a reload: a new outbox on the same storage sees unsent messages in order', () => {
    const storage = memoryStore();
    const before = new Outbox(storage, KEY);
    before.add(item('a'));
    before.add(item('b'));
    expect(new Outbox(storage, KEY).items().map((i) => i.clientId)).toEqual(['a', 'b']);
  });

  it('keeps one entry per clientId, so a message is never queued twice', () => {
    const outbox = new Outbox(memoryStore(), KEY);
    outbox.add(item('a'));
    expect(outbox.add(item('a', 'changed'))).toEqual([item('a')]);
  });

  it('forgets acknowledged messages and clears the key when empty', () => {
    const storage = memoryStore();
    const outbox = new Outbox(storage, KEY);
    outbox.add(item('a'));
    outbox.add(item('b'));
    expect(outbox.remove(['a']).map((i) => i.clientId)).toEqual(['b']);
    outbox.remove(['b']);
    expect(storage.get(KEY)).toBeNull();
  });

  it('does not lose what another tab queued meanwhile', () => {
    const storage = memoryStore();
    const tabA = new Outbox(storage, KEY);
    const tabB = new Outbox(storage, KEY);
    tabA.add(item('a'));
    tabB.add(item('b'));
    tabA.remove(['a']);
    expect(tabB.items().map((i) => i.clientId)).toEqual(['b']);
  });

  it('marks a refused message and clears the mark on retry', () => {
    const outbox = new Outbox(memoryStore(), KEY);
    outbox.add(item('a'));
    expect(outbox.setError('a', 'too long')[0]?.error).toBe('too long');
    expect(outbox.setError('a', undefined)[0]).toEqual(item('a'));
  });

  it('ignores corrupt or foreign data in storage', () => {
    expect(parseOutbox('{oops')).toEqual([]);
    expect(parseOutbox('{"clientId":"a"}')).toEqual([]);
    expect(parseOutbox(JSON.stringify([item('a'), { clientId: 1, body: 'x' }, null]))).toEqual([item('a')]);
  });
});
