// The conversation list: its order, its labels and the unread counts it shows.

import { describe, expect, it } from 'vitest';
import { aConversation } from '../test-fixtures.ts';
import { effectiveUnread, isQueued, lastActivity, messagePreview, unreadTotal, visitorLabel } from './conversations.ts';

describe('conversation list order', () => {
  it('puts the most recently active conversation first', () => {
    const old = aConversation({ id: 'old', updatedAt: '2030-01-01T10:00:00Z' });
    const fresh = aConversation({ id: 'fresh', updatedAt: '2030-01-01T11:00:00Z' });
    const byMessage = aConversation({
      id: 'message',
      updatedAt: '2030-01-01T09:00:00Z',
      lastMessage: {
        body: 'hi',
        author: { kind: 'visitor', id: 'v', name: 'V' },
        createdAt: '2030-01-01T12:00:00Z',
        visibility: 'public',
      },
    });
    const order = [old, fresh, byMessage].sort((a, b) => lastActivity(b) - lastActivity(a));
    expect(order.map((c) => c.id)).toEqual(['message', 'fresh', 'old']);
  });

  it('survives missing or broken timestamps', () => {
    expect(lastActivity(aConversation({ updatedAt: 'nonsense', createdAt: 'nonsense' }))).toBe(0);
  });
});

describe('labels', () => {
  it("shows the visitor's name when known, otherwise a short handle from the id", () => {
    expect(visitorLabel({ id: 'v_8f3a', name: 'Grace', email: null })).toBe('Grace');
    expect(visitorLabel({ id: 'vis_12ab9c', name: null, email: null })).toBe('Visitor #AB9C');
    expect(visitorLabel({ id: 'vis_12ab9c', name: '  ', email: null })).toBe('Visitor #AB9C');
  });

  it('marks a conversation without operators as queued', () => {
    expect(isQueued(aConversation({ memberIds: [] }))).toBe(true);
    expect(isQueued(aConversation({ memberIds: ['op1'] }))).toBe(false);
  });

  it('previews the last message on one line and says who wrote it', () => {
    const base = { createdAt: '2030-01-01T10:00:00Z', visibility: 'public' as const };
    expect(messagePreview(null, 'op1')).toBe('No messages yet');
    expect(
      messagePreview({ ...base, body: 'Hello\nthere', author: { kind: 'visitor', id: 'v', name: 'V' } }, 'op1'),
    ).toBe('Hello there');
    expect(
      messagePreview({ ...base, body: 'Sure', author: { kind: 'operator', id: 'op1', name: 'Alice' } }, 'op1'),
    ).toBe('You: Sure');
    expect(messagePreview({ ...base, body: 'Sure', author: { kind: 'operator', id: 'op2', name: 'Bob' } }, 'op1')).toBe(
      'Bob: Sure',
    );
    expect(
      messagePreview(
        { ...base, visibility: 'operator', body: 'VIP', author: { kind: 'operator', id: 'op2', name: 'Bob' } },
        'op1',
      ),
    ).toBe('Note: VIP');
    expect(messagePreview({ ...base, body: '', author: { kind: 'visitor', id: 'v', name: 'V' } }, 'op1')).toBe(
      'Sent files',
    );
    expect(
      messagePreview({ ...base, body: 'x'.repeat(200), author: { kind: 'visitor', id: 'v', name: 'V' } }, null, 10),
    ).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('unread counts', () => {
  it("uses the server's count until this client has read up to the last message", () => {
    const conversation = aConversation({ lastSeq: 5, unread: 2 });
    expect(effectiveUnread(conversation, undefined)).toBe(2);
    expect(effectiveUnread(conversation, 4)).toBe(2);
    expect(effectiveUnread(conversation, 5)).toBe(0);
  });

  it('adds up what every conversation shows', () => {
    const list = [
      aConversation({ id: 'a', lastSeq: 3, unread: 3 }),
      aConversation({ id: 'b', lastSeq: 2, unread: 1 }),
      aConversation({ id: 'c', lastSeq: 9, unread: 4 }),
    ];
    expect(unreadTotal(list, new Map())).toBe(8);
    expect(unreadTotal(list, new Map([['c', 9]]))).toBe(4);
  });
});
