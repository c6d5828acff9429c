// How each server frame changes the workspace, one handler per slice: messages, the conversation list, and tools.

import { batch } from '@preact/signals';
import type { ServerToClient } from '@livechat/protocol';
import { lastActivity } from './conversations.ts';
import { TYPING_TIMEOUT_MS, type Workspace } from './workspace.ts';

/** Left-the-list views: a conversation that left this operator's list leaves these views too. */
const PERSONAL_VIEWS = new Set(['mine', 'unassigned', 'mentions']);

export function applyServerFrame(workspace: Workspace, frame: ServerToClient, now = Date.now()): void {
  if (applyMessageFrame(workspace, frame, now)) return;
  if (applyListFrame(workspace, frame)) return;
  applyToolFrame(workspace, frame, now);
}

function applyMessageFrame(workspace: Workspace, frame: ServerToClient, now: number): boolean {
  switch (frame.type) {
    case 'message.ack':
      workspace.addMessages(frame.message.conversationId, [frame.message]);
      workspace.discardSend(frame.id);
      return true;
    case 'message.created':
      workspace.addMessages(frame.message.conversationId, [frame.message]);
      return true;
    case 'sync.result': {
      workspace.forgetFrame(frame.id);
      const conversationId = frame.conversationId;
      if (conversationId === null) return true;
      batch(() => {
        workspace.addMessages(conversationId, frame.messages);
        workspace.markSynced(conversationId);
      });
      return true;
    }
    case 'typing':
      if (frame.author.kind !== 'visitor') return true;
      workspace.setVisitorTyping(
        frame.conversationId,
        frame.active ? { name: frame.author.name, until: now + TYPING_TIMEOUT_MS } : null,
      );
      return true;
    default:
      return false;
  }
}

function applyListFrame(workspace: Workspace, frame: ServerToClient): boolean {
  switch (frame.type) {
    case 'conversation.updated':
    case 'queue.waiting': {
      const conversation = frame.conversation;
      const selfId = workspace.operator.value?.id ?? null;
      batch(() => {
        workspace.upsertConversation(conversation);
        workspace.views.place(conversation, selfId, (id) => activityOf(workspace, id));
        workspace.visitorHistory.update(conversation);
      });
      return true;
    }
    case 'conversation.removed':
      batch(() => {
        workspace.removeConversation(frame.conversationId);
        if (PERSONAL_VIEWS.has(workspace.views.view.value)) workspace.views.drop(frame.conversationId);
      });
      if (workspace.openConversationId.value === frame.conversationId) {
        workspace.addNotice(frame.conversationId, 'This conversation left your list (reassigned, left or closed).');
      }
      return true;
    case 'page.viewed':
      workspace.addPageView(frame.visitorId, frame.pageView);
      return true;
    case 'conversation.closed':
      // Said to the visitor; operators learn it from `conversation.updated`.
      return true;
    default:
      return false;
  }
}

function applyToolFrame(workspace: Workspace, frame: ServerToClient, now: number): void {
  switch (frame.type) {
    case 'welcome':
      if (frame.role === 'operator') {
        batch(() => {
          workspace.operator.value = frame.operator;
          workspace.commands.value = frame.commands ?? [];
        });
      }
      return;
    case 'error':
      workspace.applyError(frame, now);
      return;
    case 'command.result':
      workspace.forgetFrame(frame.id);
      batch(() => {
        workspace.finishCommand(frame.id);
        workspace.addCommandResults(frame.result.conversationId, [frame.result]);
      });
      return;
    case 'commands.available':
      workspace.commands.value = frame.commands;
      return;
    case 'canned.changed':
      workspace.canned.upsert(frame.cannedResponse);
      return;
    case 'canned.deleted':
      workspace.canned.remove(frame.id);
      return;
    case 'notification.created':
      workspace.inbox.add(frame.notification, frame.unread);
      return;
    case 'notifications.read':
      workspace.inbox.markRead(frame.ids, frame.unread);
      return;
    default:
      return;
  }
}

function activityOf(workspace: Workspace, conversationId: string): number {
  const summary = workspace.summaryOf(conversationId);
  return summary ? lastActivity(summary) : 0;
}
