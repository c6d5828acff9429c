// Conversation rules: who may read and write, assignment to the least busy operator, sending.

import type { Author, ConversationSummary, Message, OperatorProfile, Visibility } from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import type { EventBus } from '../events/bus.ts';
import type { Presence } from '../realtime/presence.ts';
import type { Visitor } from '../visitors/repository.ts';
import { ConversationNotOpenError } from './messages.ts';
import type { Conversation } from './repository.ts';

/** Whether the conversation belongs in the operator's list: theirs, or waiting in a queue they did not leave. */
export function isListedFor(operatorId: string, conversation: Conversation): boolean {
  if (conversation.status !== 'open') return false;
  if (conversation.memberIds.includes(operatorId)) return true;
  return conversation.memberIds.length === 0 && !conversation.leftIds.includes(operatorId);
}

/** Whether the operator may open the conversation at all. */
export function canRead(operator: OperatorProfile, conversation: Conversation): boolean {
  return operator.role === 'admin' || isListedFor(operator.id, conversation);
}

export const visitorAuthor = (visitor: Pick<Visitor, 'id' | 'name'>): Author => ({
  kind: 'visitor',
  id: visitor.id,
  name: visitor.name ?? 'Visitor',
});

export const operatorAuthor = (operator: OperatorProfile): Author => ({
  kind: 'operator',
  id: operator.id,
  name: operator.name,
});

/** A conversation summary without the receiving operator's unread count. */
export type Listing = Omit<ConversationSummary, 'unread'>;

export interface SendInput {
  clientId: string;
  body: string;
}

/** A newly stored operator message, with what the composer said it contains. */
export interface OperatorMessageSent {
  operator: OperatorProfile;
  conversation: Conversation;
  message: Message;
  mentionIds: readonly string[];
  cannedIds: readonly string[];
}
/** Follow-up work on a new operator message (canned usage, mentions). It must not reject: it logs its own failures. */
export type OperatorMessageHook = (sent: OperatorMessageSent) => Promise<void>;

export class ConversationService {
  private readonly operatorMessageHooks: OperatorMessageHook[] = [];

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    private readonly presence: Presence,
  ) {}

  /**
   * Stores a visitor's message, opening (and assigning) their conversation on the first one.
   * `openId` is the conversation the visitor's connection last wrote to: tried first, without reading
   * it again, and given up if it is no longer open.
   */
  async visitorSend(visitor: Visitor, input: SendInput, originId?: string, openId?: string): Promise<Message> {
    const author = visitorAuthor(visitor);
    const message = { author, body: input.body, visibility: 'public', clientId: input.clientId } as const;
    if (openId) {
      try {
        const appended = await this.store.messages.append({ conversationId: openId, ...message });
        if (!appended.duplicate) this.publishMessage({ id: openId, visitorId: visitor.id }, appended.message, originId);
        return appended.message;
      } catch (error) {
        if (!(error instanceof ConversationNotOpenError)) throw error;
      }
    }
    // Most messages go to a conversation that exists: read it, and only try to create when there is none.
    const open = await this.store.conversations.openByVisitor(visitor.siteId, visitor.id);
    const { conversation, created } = open
      ? { conversation: open, created: false }
      : await this.store.conversations.findOrCreateOpen(visitor.siteId, visitor.id);
    const appended = await this.store.messages.append({ conversationId: conversation.id, ...message });
    if (created) await this.assign(conversation);
    if (!appended.duplicate) this.publishMessage(conversation, appended.message, originId);
    return appended.message;
  }

  /** Stores an operator's message; answering a queued conversation takes it. */
  async operatorSend(
    operator: OperatorProfile,
    conversationId: string,
    input: SendInput & { visibility: Visibility; mentionIds?: readonly string[]; cannedIds?: readonly string[] },
    originId?: string,
  ): Promise<Message> {
    let conversation = await this.readable(operator, conversationId);
    if (conversation.status !== 'open') throw new AppError('forbidden', 'this conversation is closed');
    if (!conversation.memberIds.includes(operator.id)) {
      conversation = await this.store.conversations.join(conversation.id, operator.id);
      this.bus.publish({ kind: 'conversation', conversationId: conversation.id, visitorId: conversation.visitorId });
    }
    const { message, duplicate } = await this.store.messages.append({
      conversationId: conversation.id,
      author: operatorAuthor(operator),
      body: input.body,
      visibility: input.visibility,
      clientId: input.clientId,
    });
    if (!duplicate) {
      this.publishMessage(conversation, message, originId);
      const sent = {
        operator,
        conversation,
        message,
        mentionIds: input.mentionIds ?? [],
        cannedIds: input.cannedIds ?? [],
      };
      // After the ack: slow follow-ups (an SMTP server) never hold up or fail a stored message.
      for (const hook of this.operatorMessageHooks) setImmediate(() => void hook(sent));
    }
    return message;
  }

  /** Runs the hook after every newly stored operator message; a resent client id does not run it again. */
  onOperatorMessage(hook: OperatorMessageHook): void {
    this.operatorMessageHooks.push(hook);
  }

  /**
   * Takes the operator out of the conversation (or out of their view of the queue); it stays open,
   * with the other operators or in the queue for everyone else.
   */
  async leave(operator: OperatorProfile, conversationId: string): Promise<Conversation> {
    const conversation = await this.readable(operator, conversationId);
    const after = await this.store.conversations.leave(conversation.id, operator.id);
    this.bus.publish({ kind: 'conversation', conversationId: after.id, visitorId: after.visitorId });
    return after;
  }

  /** The conversation, if the operator may read it; a typed error otherwise. */
  async readable(operator: OperatorProfile, conversationId: string): Promise<Conversation> {
    const conversation = await this.store.conversations.byId(conversationId);
    if (!conversation) throw new AppError('not_found', 'no such conversation');
    if (!(await this.mayRead(operator, conversation)))
      throw new AppError('forbidden', 'this conversation is not yours');
    return conversation;
  }

  /** canRead, or the operator was mentioned in this conversation (which lets them open it). */
  async mayRead(operator: OperatorProfile, conversation: Conversation): Promise<boolean> {
    return canRead(operator, conversation) || this.store.mentions.isMentioned(conversation.id, operator.id);
  }

  /** How the conversation looks in one operator's list. */
  async summary(conversation: Conversation, operatorId: string): Promise<ConversationSummary> {
    const [listing, unread] = await Promise.all([
      this.listing(conversation),
      this.store.conversations.unreadCount(conversation.id, operatorId),
    ]);
    return { ...listing, unread };
  }

  /** The part of a summary that is the same for every operator. */
  async listing(conversation: Conversation): Promise<Listing> {
    const { store } = this;
    const [visitor, last, pages] = await Promise.all([
      store.visitors.byId(conversation.visitorId),
      store.messages.last(conversation.id),
      store.visitors.recentPageViews(conversation.visitorId, 1),
    ]);
    return {
      id: conversation.id,
      siteId: conversation.siteId,
      status: conversation.status,
      visitor: { id: conversation.visitorId, name: visitor?.name ?? null, email: visitor?.email ?? null },
      memberIds: conversation.memberIds,
      assignedOperatorId: conversation.assignedOperatorId,
      lastSeq: conversation.lastSeq,
      lastMessage: last
        ? { body: last.body, author: last.author, createdAt: last.createdAt, visibility: last.visibility }
        : null,
      currentPage: pages[0] ?? null,
      createdAt: conversation.createdAt,
      updatedAt: conversation.updatedAt,
    };
  }

  /** Gives a new conversation to the least busy online operator, or leaves it in the queue. */
  private async assign(conversation: Conversation): Promise<void> {
    const online = this.presence.online();
    if (online.length > 0) {
      const counts = await this.store.conversations.openCounts(online);
      const [operatorId] = [...counts.entries()].sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]))[0] ?? [];
      if (operatorId) await this.store.conversations.join(conversation.id, operatorId);
    }
    this.bus.publish({ kind: 'conversation', conversationId: conversation.id, visitorId: conversation.visitorId });
  }

  private publishMessage(
    conversation: Pick<Conversation, 'id' | 'visitorId'>,
    message: Message,
    originId?: string,
  ): void {
    this.bus.publish({
      kind: 'message',
      conversationId: conversation.id,
      visitorId: conversation.visitorId,
      message,
      ...(originId ? { originId } : {}),
    });
  }
}
