import { describe, expect, it } from 'vitest';
import type { Message, ServerToClient } from './index.ts';
import { frameFor, mayReceive } from './visibility.ts';

const message = (visibility: Message['visibility'], seq: number): Message => ({
  id: `m${seq}`,
  conversationId: 'c1',
  seq,
  clientId: null,
  author: { kind: 'operator', id: 'o1', name: 'Alice' },
  body: `body ${seq}`,
  visibility,
  createdAt: new Date(0).toISOString(),
});

describe('visibility', () => {
  it('lets operators receive everything and visitors only public payloads', () => {
    expect(mayReceive('operator', 'operator')).toBe(true);
    expect(mayReceive('operator', 'public')).toBe(true);
    expect(mayReceive('visitor', 'public')).toBe(true);
    expect(mayReceive('visitor', 'operator')).toBe(false);
  });

  it('withholds operator messages and operator-only events from visitors', () => {
    const note: ServerToClient = { type: 'message.created', message: message('operator', 1) };
    const pageViewed: ServerToClient = {
      type: 'page.viewed',
      visitorId: 'v1',
      pageView: { url: 'https://a.test/', title: '', referrer: '', viewedAt: '' },
    };
    expect(frameFor('visitor', note)).toBeNull();
    expect(frameFor('visitor', pageViewed)).toBeNull();
    expect(frameFor('operator', note)).toEqual(note);
  });

  it('strips operator messages out of a sync result for visitors, keeping order', () => {
    const sync: ServerToClient = {
      type: 'sync.result',
      id: 'f1',
      conversationId: 'c1',
      messages: [message('public', 1), message('operator', 2), message('public', 3)],
      lastSeq: 3,
    };
    const forVisitor = frameFor('visitor', sync);
    expect(forVisitor?.type === 'sync.result' && forVisitor.messages.map((m) => m.seq)).toEqual([1, 3]);
    const forOperator = frameFor('operator', sync);
    expect(forOperator?.type === 'sync.result' && forOperator.messages).toHaveLength(3);
  });
});
