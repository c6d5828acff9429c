// How command results, available commands, canned responses and notifications arrive and show.

import type { CannedResponse, CommandResult, Notification } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { aConversation, aMessage } from '../test-fixtures.ts';
import { buildTimeline } from './timeline.ts';
import { Workspace } from './workspace.ts';

const at = (second: number) => new Date(Date.UTC(2030, 0, 1, 12, 0, second)).toISOString();

function aResult(id: string, second: number, overrides: Partial<CommandResult> = {}): CommandResult {
  return {
    id,
    conversationId: 'c1',
    operatorId: 'op1',
    input: '/ticket Printer',
    status: 'ok',
    lines: [{ text: 'Printer (#1)', href: '#/tickets/1' }],
    createdAt: at(second),
    ...overrides,
  };
}

function aCanned(id: string, shortcut: string, updatedAt = at(0)): CannedResponse {
  return {
    id,
    shortcut,
    substitution: `${shortcut}!`,
    description: '',
    createdBy: 'op1',
    lastUsedAt: null,
    useCount: 0,
    createdAt: at(0),
    updatedAt,
  };
}

function aNotification(id: string, readAt: string | null = null): Notification {
  return {
    id,
    kind: 'mention',
    conversationId: 'c1',
    messageId: 'm1',
    authorName: 'Bob',
    excerpt: '@Alice can you look?',
    createdAt: at(5),
    readAt,
  };
}

describe('commands', () => {
  it('learns the available commands from the welcome and from later changes', () => {
    const workspace = new Workspace();
    workspace.applyServerFrame({
      type: 'welcome',
      role: 'operator',
      operator: { id: 'op1', name: 'Alice', email: 'a@x', role: 'admin', notify: 'inbox' },
      commands: ['help', 'ticket'],
    });
    expect(workspace.commands.value).toEqual(['help', 'ticket']);
    workspace.applyServerFrame({ type: 'commands.available', commands: ['help'] });
    expect(workspace.commands.value).toEqual(['help']);
  });

  it('shows a command as running until its result arrives, then the result once', () => {
    const workspace = new Workspace();
    workspace.startCommand('f1', 'c1', '/ticket Printer');
    expect(workspace.running.value).toHaveLength(1);
    const result = aResult('r1', 3);
    workspace.applyServerFrame({ type: 'command.result', id: 'f1', result });
    workspace.addCommandResults('c1', [result]);
    expect(workspace.running.value).toEqual([]);
    expect(workspace.commandResultsOf('c1')).toEqual([result]);
  });

  it('turns a refused command into a notice and stops showing it as running', () => {
    const workspace = new Workspace();
    workspace.startCommand('f1', 'c1', '/lead x');
    workspace.applyServerFrame({ type: 'error', code: 'command_unavailable', message: 'CRM is off', frameId: 'f1' });
    expect(workspace.running.value).toEqual([]);
    expect(workspace.notices.value.get('c1')?.[0]).toMatchObject({ text: 'CRM is off', detail: '/lead x' });
  });

  it('places command results among the messages by time', () => {
    const messages = [aMessage(1), aMessage(2), aMessage(3)];
    const items = buildTimeline(messages, [], [], [aResult('late', 9), aResult('early', 0), aResult('mid', 1)]);
    expect(items.map((item) => item.key)).toEqual(['r:early', 'm:m1', 'r:mid', 'm:m2', 'm:m3', 'r:late']);
  });
});

describe('canned responses', () => {
  it('follows live changes and deletions', () => {
    const workspace = new Workspace();
    workspace.canned.set([aCanned('1', 'hello'), aCanned('2', 'sorry')]);
    workspace.applyServerFrame({ type: 'canned.changed', cannedResponse: aCanned('3', 'bye') });
    workspace.applyServerFrame({ type: 'canned.changed', cannedResponse: { ...aCanned('1', 'hi', at(9)) } });
    workspace.applyServerFrame({ type: 'canned.deleted', id: '2' });
    expect(workspace.canned.alphabetical.value.map((c) => c.shortcut)).toEqual(['bye', 'hi']);
    expect(workspace.canned.index.value.entries).toHaveLength(2);
  });

  it('does not go back to an older version when answers cross', () => {
    const workspace = new Workspace();
    workspace.canned.upsert(aCanned('1', 'new', at(9)));
    workspace.canned.upsert(aCanned('1', 'old', at(1)));
    expect(workspace.canned.byId.value.get('1')?.shortcut).toBe('new');
  });
});

describe('notifications', () => {
  it('adds live notifications with the unread count the server gives', () => {
    const workspace = new Workspace();
    workspace.inbox.set([aNotification('n1', at(1))], 0);
    workspace.applyServerFrame({ type: 'notification.created', notification: aNotification('n2'), unread: 1 });
    expect(workspace.inbox.unread.value).toBe(1);
    expect(workspace.inbox.notifications.value.map((n) => n.id)).toEqual(['n2', 'n1']);
  });

  it('marks read what another tab or this one read', () => {
    const workspace = new Workspace();
    workspace.inbox.set([aNotification('n2'), aNotification('n1')], 2);
    workspace.applyServerFrame({ type: 'notifications.read', ids: ['n1'], unread: 1 });
    expect(workspace.inbox.notifications.value.map((n) => n.readAt === null)).toEqual([true, false]);
    workspace.applyServerFrame({ type: 'notifications.read', ids: [], unread: 0 });
    expect(workspace.inbox.notifications.value.every((n) => n.readAt !== null)).toBe(true);
    expect(workspace.inbox.unread.value).toBe(0);
  });
});

describe('a conversation leaving the list', () => {
  it('is still known by its summary while it stays on screen', () => {
    const workspace = new Workspace();
    workspace.mergeConversations([aConversation({ id: 'c1', visitor: { id: 'v1', name: 'Ada', email: null } })]);
    workspace.applyServerFrame({ type: 'conversation.removed', conversationId: 'c1' });
    expect(workspace.conversations.value.has('c1')).toBe(false);
    expect(workspace.summaryOf('c1')?.visitor.name).toBe('Ada');
  });
});
