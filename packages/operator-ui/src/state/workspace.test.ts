// How server frames change what the operator sees: sends, commands, list, sync, typing, page views.

import { describe, expect, it } from 'vitest';
import { aConversation, aMessage, aPageView } from '../test-fixtures.ts';
import { TYPING_TIMEOUT_MS, Workspace } from './workspace.ts';

const alice = { kind: 'operator' as const, id: 'op1', name: 'Alice' };

describe('sending a message', () => {
  it('shows it as pending until the ack, then once as stored', () => {
    const workspace = new Workspace();
    const send = workspace.queueSend('c1', 'Hello', 'public');
    expect(workspace.outbox.value).toHaveLength(1);

    const stored = aMessage(1, { clientId: send.clientId, author: alice, body: 'Hello' });
    workspace.applyServerFrame({ type: 'message.ack', id: send.frameId, message: stored });
    workspace.applyServerFrame({ type: 'message.created', message: stored });

    expect(workspace.outbox.value).toEqual([]);
    expect(workspace.messagesOf('c1').map((m) => m.body)).toEqual(['Hello']);
  });

  it('clears the pending copy when the live event comes before the ack', () => {
    const workspace = new Workspace();
    const send = workspace.queueSend('c1', 'Hi', 'operator');
    workspace.applyServerFrame({
      type: 'message.created',
      message: aMessage(1, { clientId: send.clientId, author: alice, visibility: 'operator' }),
    });
    expect(workspace.outbox.value).toEqual([]);
  });

  it('marks a refused send as failed, and a retry keeps its idempotency key', () => {
    const workspace = new Workspace();
    const send = workspace.queueSend('c1', 'Hi', 'public');
    workspace.applyServerFrame({ type: 'error', code: 'forbidden', message: 'Not yours', frameId: send.frameId });
    expect(workspace.outbox.value[0]).toMatchObject({ status: 'failed', error: 'Not yours' });
    expect(workspace.unacknowledged()).toEqual([]);

    const retried = workspace.retrySend(send.frameId);
    expect(retried).toMatchObject({ clientId: send.clientId, status: 'sending', error: null });
    expect(workspace.unacknowledged()).toHaveLength(1);
  });
});

describe('commands', () => {
  it("shows the server's refusal as a notice in the conversation where it was typed", () => {
    const workspace = new Workspace();
    workspace.addMessages('c1', [aMessage(1), aMessage(2)]);
    workspace.trackFrame('f1', { kind: 'command', conversationId: 'c1', text: '/frobnicate now' });
    workspace.applyServerFrame({
      type: 'error',
      code: 'command_unknown',
      message: 'Unknown command /frobnicate',
      frameId: 'f1',
    });
    expect(workspace.notices.value.get('c1')).toEqual([
      expect.objectContaining({ text: 'Unknown command /frobnicate', detail: '/frobnicate now', afterSeq: 2 }),
    ]);
    expect(workspace.alert.value).toBeNull();
  });

  it('shows an error nobody asked about in the banner', () => {
    const workspace = new Workspace();
    workspace.applyServerFrame({ type: 'error', code: 'bad_frame', message: 'Bad frame', frameId: null });
    expect(workspace.alert.value).toBe('Bad frame');
  });
});

describe('conversation list', () => {
  it('adds, replaces and removes conversations from live frames', () => {
    const workspace = new Workspace();
    workspace.applyServerFrame({
      type: 'conversation.updated',
      conversation: aConversation({ id: 'a', unread: 1, lastSeq: 1 }),
    });
    workspace.applyServerFrame({
      type: 'conversation.updated',
      conversation: aConversation({ id: 'b', unread: 2, lastSeq: 2 }),
    });
    workspace.applyServerFrame({
      type: 'conversation.updated',
      conversation: aConversation({ id: 'a', unread: 4, lastSeq: 4 }),
    });
    expect(workspace.unreadTotal.value).toBe(6);

    workspace.applyServerFrame({ type: 'conversation.removed', conversationId: 'b' });
    expect([...workspace.conversations.value.keys()]).toEqual(['a']);
    expect(workspace.unreadTotal.value).toBe(4);
  });

  it('does not let a slower list fetch undo what live frames changed meanwhile', () => {
    const workspace = new Workspace();
    workspace.beginConversationsFetch();
    workspace.applyServerFrame({ type: 'conversation.updated', conversation: aConversation({ id: 'a', unread: 3 }) });
    workspace.applyServerFrame({ type: 'conversation.removed', conversationId: 'gone' });
    workspace.mergeConversations([
      aConversation({ id: 'a', unread: 1 }),
      aConversation({ id: 'gone' }),
      aConversation({ id: 'other' }),
    ]);
    expect(workspace.conversations.value.get('a')?.unread).toBe(3);
    expect([...workspace.conversations.value.keys()].sort()).toEqual(['a', 'other']);
    expect(workspace.conversationsLoaded.value).toBe(true);
  });

  it('counts a conversation as read once this client read up to its last message', () => {
    const workspace = new Workspace();
    workspace.upsertConversation(aConversation({ id: 'a', unread: 2, lastSeq: 5 }));
    workspace.markRead('a', 5);
    expect(workspace.unreadTotal.value).toBe(0);
    workspace.forgetReads();
    expect(workspace.unreadTotal.value).toBe(2);
  });
});

describe('sync', () => {
  it('merges the missed messages and remembers the conversation was loaded', () => {
    const workspace = new Workspace();
    workspace.addMessages('c1', [aMessage(1)]);
    workspace.applyServerFrame({
      type: 'sync.result',
      id: 's1',
      conversationId: 'c1',
      messages: [aMessage(1), aMessage(2), aMessage(3)],
      lastSeq: 3,
    });
    expect(workspace.messagesOf('c1').map((m) => m.seq)).toEqual([1, 2, 3]);
    expect(workspace.synced.value.has('c1')).toBe(true);
  });

  it("ignores another conversation's messages in a conversation's list", () => {
    const workspace = new Workspace();
    workspace.addMessages('c1', [aMessage(1), aMessage(2, { conversationId: 'c2' })]);
    expect(workspace.messagesOf('c1').map((m) => m.seq)).toEqual([1]);
  });
});

describe('typing', () => {
  it("shows the visitor's typing until they stop, send, or go quiet", () => {
    const workspace = new Workspace();
    const visitor = { kind: 'visitor' as const, id: 'v1', name: 'Ada' };
    workspace.applyServerFrame({ type: 'typing', conversationId: 'c1', author: visitor, active: true }, 1_000);
    expect(workspace.typing.value.get('c1')?.name).toBe('Ada');

    workspace.applyServerFrame({ type: 'message.created', message: aMessage(1) });
    expect(workspace.typing.value.has('c1')).toBe(false);

    workspace.applyServerFrame({ type: 'typing', conversationId: 'c1', author: visitor, active: true }, 1_000);
    workspace.expireTyping(1_000 + TYPING_TIMEOUT_MS - 1);
    expect(workspace.typing.value.has('c1')).toBe(true);
    workspace.expireTyping(1_000 + TYPING_TIMEOUT_MS);
    expect(workspace.typing.value.has('c1')).toBe(false);
  });

  it("ignores other operators' typing", () => {
    const workspace = new Workspace();
    workspace.applyServerFrame({ type: 'typing', conversationId: 'c1', author: alice, active: true });
    expect(workspace.typing.value.size).toBe(0);
  });
});

describe('page views', () => {
  it("puts a new page on top of the visitor's list and makes it their current page", () => {
    const workspace = new Workspace();
    workspace.upsertConversation(aConversation({ id: 'a', visitor: { id: 'v1', name: null, email: null } }));
    workspace.upsertConversation(aConversation({ id: 'b', visitor: { id: 'v2', name: null, email: null } }));
    workspace.setPageViews('v1', [aPageView('https://shop.example/', '2030-01-01T10:00:00Z', 'Home')]);

    const pricing = aPageView('https://shop.example/pricing', '2030-01-01T10:05:00Z', 'Pricing');
    workspace.applyServerFrame({ type: 'page.viewed', visitorId: 'v1', pageView: pricing });
    workspace.applyServerFrame({ type: 'page.viewed', visitorId: 'v1', pageView: pricing });

    expect(workspace.pageViews.value.get('v1')?.map((view) => view.title)).toEqual(['Pricing', 'Home']);
    expect(workspace.conversations.value.get('a')?.currentPage?.title).toBe('Pricing');
    expect(workspace.conversations.value.get('b')?.currentPage).toBeNull();
  });

  it('does not invent a page list for a visitor whose pages were never loaded', () => {
    const workspace = new Workspace();
    workspace.applyServerFrame({
      type: 'page.viewed',
      visitorId: 'v9',
      pageView: aPageView('https://shop.example/', '2030-01-01T10:00:00Z'),
    });
    expect(workspace.pageViews.value.has('v9')).toBe(false);
  });
});
