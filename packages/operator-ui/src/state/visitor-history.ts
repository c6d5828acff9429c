// A visitor's conversations, the open one included, newest first: earlier ones show above the open one and in the side panel.

import { signal } from '@preact/signals';
import type { ConversationSummary } from '@livechat/protocol';

/** The conversations before `conversationId`, oldest first as they read above it. */
export function earlierConversations(
  conversations: readonly ConversationSummary[],
  conversationId: string,
): ConversationSummary[] {
  const current = conversations.find((conversation) => conversation.id === conversationId);
  const before = current ? Date.parse(current.createdAt) : Number.POSITIVE_INFINITY;
  return conversations
    .filter((conversation) => conversation.id !== conversationId && Date.parse(conversation.createdAt) < before)
    .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
}

export class VisitorHistory {
  /** Per visitor id, newest first; present once loaded. */
  readonly byVisitor = signal<ReadonlyMap<string, readonly ConversationSummary[]>>(new Map());

  set(visitorId: string, conversations: readonly ConversationSummary[]): void {
    this.byVisitor.value = new Map(this.byVisitor.value).set(visitorId, conversations);
  }

  /** A live change to one of a loaded visitor's conversations (resolved, reassigned, a new one). */
  update(conversation: ConversationSummary): void {
    const known = this.byVisitor.value.get(conversation.visitor.id);
    if (!known) return;
    const others = known.filter((item) => item.id !== conversation.id);
    const next = [conversation, ...others].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
    this.set(conversation.visitor.id, next);
  }

  reset(): void {
    this.byVisitor.value = new Map();
  }
}
