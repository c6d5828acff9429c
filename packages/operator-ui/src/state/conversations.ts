// Pure rules for the conversation list: ordering, labels, previews and unread counts.

import type { ConversationSummary, Message } from '@livechat/protocol';

/** When anything last happened in the conversation, in epoch milliseconds. */
export function lastActivity(conversation: ConversationSummary): number {
  const times = [conversation.updatedAt, conversation.lastMessage?.createdAt, conversation.createdAt]
    .map((iso) => (iso ? Date.parse(iso) : Number.NaN))
    .filter((ms) => !Number.isNaN(ms));
  return times.length > 0 ? Math.max(...times) : 0;
}

/** A conversation waits in the queue until an operator is in it. */
export function isQueued(conversation: ConversationSummary): boolean {
  return conversation.memberIds.length === 0;
}

/** Shared with the server, so records and screens name a visitor the same way. */
export { visitorLabel } from '@livechat/protocol';

type Preview = Pick<Message, 'body' | 'author' | 'visibility'>;

/** One line summarising the last message, saying who wrote it when it was not the visitor. */
export function messagePreview(lastMessage: Preview | null, selfId: string | null, maxLength = 80): string {
  if (!lastMessage) return 'No messages yet';
  // A message of files only has no text: the list still says something came.
  const text = lastMessage.body.replace(/\s+/g, ' ').trim() || 'Sent files';
  const clipped = text.length > maxLength ? `${text.slice(0, maxLength - 1)}…` : text;
  const prefix =
    lastMessage.visibility === 'operator'
      ? 'Note: '
      : lastMessage.author.kind === 'operator'
        ? lastMessage.author.id !== null && lastMessage.author.id === selfId
          ? 'You: '
          : `${lastMessage.author.name}: `
        : '';
  return prefix + clipped;
}

/**
 * The unread count to show. The server's count can lag behind a read this client already sent,
 * so anything at or below the seq we marked read counts as read.
 */
export function effectiveUnread(conversation: ConversationSummary, readSeq: number | undefined): number {
  if (readSeq !== undefined && readSeq >= conversation.lastSeq) return 0;
  return Math.max(0, conversation.unread);
}

/**
 * Unread in the conversations this operator answers: theirs and the queue's. Others an admin
 * merely looked at through a view (All, Resolved) are not theirs to answer.
 */
export function unreadTotal(
  conversations: Iterable<ConversationSummary>,
  readSeqs: ReadonlyMap<string, number>,
  selfId: string | null = null,
): number {
  let total = 0;
  for (const conversation of conversations) {
    if (conversation.status === 'closed') continue;
    const theirs = selfId !== null && conversation.memberIds.length > 0 && !conversation.memberIds.includes(selfId);
    if (theirs) continue;
    total += effectiveUnread(conversation, readSeqs.get(conversation.id));
  }
  return total;
}

/** How a conversation looks to an operator who left it: they are no longer in it nor assigned. */
export function withoutOperator(conversation: ConversationSummary, operatorId: string | null): ConversationSummary {
  if (operatorId === null) return conversation;
  return {
    ...conversation,
    memberIds: conversation.memberIds.filter((id) => id !== operatorId),
    assignedOperatorId: conversation.assignedOperatorId === operatorId ? null : conversation.assignedOperatorId,
  };
}
