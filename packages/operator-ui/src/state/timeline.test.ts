// Where notices and unsent messages appear among the stored messages.

import { describe, expect, it } from 'vitest';
import { aMessage } from '../test-fixtures.ts';
import { buildTimeline } from './timeline.ts';
import type { Notice, PendingSend } from './timeline.ts';

const notice = (id: string, afterSeq: number): Notice => ({
  id,
  conversationId: 'c1',
  afterSeq,
  text: `notice ${id}`,
  detail: null,
  createdAt: '2030-01-01T00:00:00Z',
});

const pending = (clientId: string): PendingSend => ({
  frameId: `f-${clientId}`,
  conversationId: 'c1',
  clientId,
  body: 'hello',
  visibility: 'public',
  status: 'sending',
  error: null,
  createdAt: '2030-01-01T00:00:00Z',
});

describe('buildTimeline', () => {
  it('shows a notice right after the message that was newest when it appeared', () => {
    const items = buildTimeline([aMessage(1), aMessage(2), aMessage(3)], [notice('a', 2), notice('b', 0)], []);
    expect(items.map((item) => item.key)).toEqual(['n:b', 'm:m1', 'm:m2', 'n:a', 'm:m3']);
  });

  it('puts notices made after the last message at the end', () => {
    const items = buildTimeline([aMessage(1)], [notice('late', 1)], []);
    expect(items.map((item) => item.key)).toEqual(['m:m1', 'n:late']);
  });

  it("puts /leave's answer before the notice that the conversation left the list", () => {
    const left = { ...notice('left', 1), createdAt: '2030-01-01T12:00:05.000Z' };
    const answer = {
      id: 'r1',
      conversationId: 'c1',
      operatorId: 'op1',
      input: '/leave',
      status: 'ok' as const,
      lines: [{ text: 'You left the conversation.' }],
      createdAt: '2030-01-01T12:00:04.000Z',
    };
    const items = buildTimeline([aMessage(1)], [left], [], [answer]);
    expect(items.map((item) => item.key)).toEqual(['m:m1', 'r:r1', 'n:left']);
  });

  it('shows unsent messages last, and not once their message is stored', () => {
    const stored = aMessage(2, { clientId: 'k-stored', author: { kind: 'operator', id: 'op1', name: 'Alice' } });
    const items = buildTimeline([aMessage(1), stored], [], [pending('k-stored'), pending('k-waiting')]);
    expect(items.map((item) => item.key)).toEqual(['m:m1', 'm:m2', 'p:k-waiting']);
  });
});
