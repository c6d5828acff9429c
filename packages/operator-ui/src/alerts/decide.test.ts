// When an operator is alerted, and how: new chats they may take, messages while they look elsewhere, mentions, waits.

import type { Notification } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { aConversation, aMessage } from '../test-fixtures.ts';
import { type AlertContext, alertChannels, alertFor, SOUND_GAP_MS, soundDue } from './decide.ts';

const context = (overrides: Partial<AlertContext> = {}): AlertContext => ({
  selfId: 'op1',
  known: () => false,
  mine: () => true,
  openConversationId: null,
  pageVisible: true,
  ...overrides,
});

const mention: Notification = {
  id: 'n1',
  kind: 'mention',
  conversationId: 'c1',
  messageId: 'm1',
  authorName: 'Bob',
  excerpt: '@Alice can you look?',
  createdAt: '2030-01-01T10:00:00.000Z',
  readAt: null,
};

describe('a new conversation', () => {
  it('alerts when it waits in the queue or came to me, and was not known before', () => {
    const queued = aConversation({ id: 'c9', visitor: { id: 'v', name: 'Ada', email: null } });
    expect(alertFor({ type: 'conversation.updated', conversation: queued }, context())).toMatchObject({
      kind: 'new-conversation',
      conversationId: 'c9',
      title: 'New conversation: Ada',
    });
    const mine = aConversation({ id: 'c9', memberIds: ['op1'], assignedOperatorId: 'op1' });
    expect(alertFor({ type: 'conversation.updated', conversation: mine }, context())?.kind).toBe('new-conversation');
  });

  it("is quiet for one already known, a colleague's, or a resolved one", () => {
    const queued = aConversation({ id: 'c9' });
    expect(alertFor({ type: 'conversation.updated', conversation: queued }, context({ known: () => true }))).toBeNull();
    const theirs = aConversation({ id: 'c9', memberIds: ['op2'], assignedOperatorId: 'op2' });
    expect(alertFor({ type: 'conversation.updated', conversation: theirs }, context())).toBeNull();
    const closed = aConversation({ id: 'c9', status: 'closed' });
    expect(alertFor({ type: 'conversation.updated', conversation: closed }, context())).toBeNull();
  });
});

describe("a visitor's message", () => {
  const frame = { type: 'message.created' as const, message: aMessage(3, { body: 'Are you there?' }) };

  it('alerts in a conversation of mine while the tab is hidden or another one is open', () => {
    expect(alertFor(frame, context({ pageVisible: false, openConversationId: 'c1' }))?.kind).toBe('message');
    expect(alertFor(frame, context({ openConversationId: 'c2' }))).toMatchObject({ title: 'Ada wrote' });
  });

  it('is quiet while I am reading that conversation, or when it is not mine', () => {
    expect(alertFor(frame, context({ openConversationId: 'c1' }))).toBeNull();
    expect(alertFor(frame, context({ mine: () => false }))).toBeNull();
  });

  it("is quiet for operators' messages and notes", () => {
    const note = aMessage(4, { author: { kind: 'operator', id: 'op2', name: 'Bob' }, visibility: 'operator' });
    expect(alertFor({ type: 'message.created', message: note }, context({ pageVisible: false }))).toBeNull();
  });
});

describe('notifications and the queue', () => {
  it('alerts for an unread mention and for a transfer to me', () => {
    expect(alertFor({ type: 'notification.created', notification: mention, unread: 1 }, context())).toMatchObject({
      kind: 'mention',
      title: 'Bob mentioned you',
    });
    const assigned = { ...mention, kind: 'assigned' as const, excerpt: 'Hello' };
    expect(alertFor({ type: 'notification.created', notification: assigned, unread: 1 }, context())).toMatchObject({
      kind: 'assigned',
      title: 'Bob assigned you a conversation',
    });
  });

  it('alerts again for a conversation that waited too long, even when known', () => {
    const frame = {
      type: 'queue.waiting' as const,
      conversation: aConversation(),
      waitingSince: '2030-01-01T10:00:00Z',
    };
    expect(alertFor(frame, context({ known: () => true }))?.kind).toBe('queue-waiting');
  });

  it('is quiet for everything else', () => {
    expect(alertFor({ type: 'pong', id: 'x' }, context())).toBeNull();
  });
});

describe('channels', () => {
  it('are both on by default, the desktop one once the browser allows it', () => {
    expect(alertChannels(undefined, 'granted')).toEqual({ sound: true, desktop: true });
    expect(alertChannels(undefined, 'default')).toEqual({ sound: true, desktop: false });
    expect(alertChannels({ sound: false, desktop: true }, 'denied')).toEqual({ sound: false, desktop: false });
    expect(alertChannels({ desktop: false }, 'granted')).toEqual({ sound: true, desktop: false });
  });

  it('ring once for a burst', () => {
    expect(soundDue(null, 0)).toBe(true);
    expect(soundDue(1_000, 1_000 + SOUND_GAP_MS - 1)).toBe(false);
    expect(soundDue(1_000, 1_000 + SOUND_GAP_MS)).toBe(true);
  });
});
