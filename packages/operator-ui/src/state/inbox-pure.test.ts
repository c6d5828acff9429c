// System lines, earlier conversations and the one who left: what the operator reads about a conversation's life.

import { describe, expect, it } from 'vitest';
import { aConversation, aMessage } from '../test-fixtures.ts';
import { withoutOperator } from './conversations.ts';
import { systemLineText } from './system-lines.ts';
import { earlierConversations, VisitorHistory } from './visitor-history.ts';
import { Workspace } from './workspace.ts';

describe('system lines', () => {
  const line = (event: 'joined' | 'resolved' | 'ended' | 'transferred') =>
    aMessage(5, {
      author: { kind: 'system', id: null, name: '' },
      body: 'stored text',
      system: { event, name: 'Alice' },
    });

  it('are worded from their event', () => {
    expect(systemLineText(line('joined'))).toBe('Alice joined');
    expect(systemLineText(line('resolved'))).toBe('Alice resolved the conversation');
    expect(systemLineText(line('resolved'), 'Alice')).toBe('You resolved the conversation');
    expect(systemLineText(line('ended'))).toBe('The visitor ended the conversation');
    expect(systemLineText(line('transferred'))).toBe('Transferred to Alice');
  });

  it('fall back to their stored text', () => {
    expect(systemLineText(aMessage(1, { body: 'Something happened', system: null }))).toBe('Something happened');
  });
});

describe('earlier conversations', () => {
  const first = aConversation({ id: 'c1', status: 'closed', createdAt: '2030-01-01T09:00:00.000Z' });
  const second = aConversation({ id: 'c2', status: 'closed', createdAt: '2030-01-02T09:00:00.000Z' });
  const open = aConversation({ id: 'c3', createdAt: '2030-01-03T09:00:00.000Z' });

  it('are those before the open one, oldest first', () => {
    expect(earlierConversations([open, second, first], 'c3').map((c) => c.id)).toEqual(['c1', 'c2']);
    expect(earlierConversations([open, second, first], 'c2').map((c) => c.id)).toEqual(['c1']);
  });

  it('take in a live change to a loaded visitor, newest first', () => {
    const history = new VisitorHistory();
    history.set('v1', [second, first]);
    history.update({ ...second, status: 'open' });
    history.update(open);
    expect(history.byVisitor.value.get('v1')?.map((c) => `${c.id}:${c.status}`)).toEqual([
      'c3:open',
      'c2:open',
      'c1:closed',
    ]);
    history.update(aConversation({ id: 'x', visitor: { id: 'other', name: null, email: null } }));
    expect(history.byVisitor.value.has('other')).toBe(false);
  });
});

describe('after leaving', () => {
  it('the conversation no longer counts me in, nor as assigned', () => {
    const mine = aConversation({ memberIds: ['op1', 'op2'], assignedOperatorId: 'op1' });
    expect(withoutOperator(mine, 'op1')).toMatchObject({ memberIds: ['op2'], assignedOperatorId: null });
  });

  it('the side panel is told so by the summary kept on screen', () => {
    const workspace = new Workspace();
    workspace.operator.value = { id: 'op1', name: 'Alice', email: 'a@x', role: 'admin', notify: 'inbox' };
    workspace.mergeConversations([aConversation({ memberIds: ['op1'], assignedOperatorId: 'op1' })]);
    workspace.applyServerFrame({ type: 'conversation.removed', conversationId: 'c1' });
    expect(workspace.summaryOf('c1')).toMatchObject({ memberIds: [], assignedOperatorId: null });
  });

  it("a colleague's conversation seen through All counts no unread in the title", () => {
    const workspace = new Workspace();
    workspace.operator.value = { id: 'op1', name: 'Alice', email: 'a@x', role: 'admin', notify: 'inbox' };
    workspace.mergeConversations([
      aConversation({ id: 'theirs', memberIds: ['op2'], unread: 5, lastSeq: 5 }),
      aConversation({ id: 'mine', memberIds: ['op1'], unread: 2, lastSeq: 2 }),
      aConversation({ id: 'queued', unread: 1, lastSeq: 1 }),
    ]);
    expect(workspace.unreadTotal.value).toBe(3);
  });

  it('a resolved conversation counts no unread in the title', () => {
    const workspace = new Workspace();
    workspace.mergeConversations([aConversation({ status: 'closed', unread: 3, lastSeq: 3 })]);
    expect(workspace.unreadTotal.value).toBe(0);
  });
});
