// Conversation rules: who may read and write, sending, joining, assignment, ending a conversation.

import {
  type Author,
  type ConversationSummary,
  type Message,
  type OperatorProfile,
  parseCommand,
  type ServerToVisitor,
  type SystemEvent,
  type Visibility,
} from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import type { EventBus } from '../events/bus.ts';
import type { Presence } from '../realtime/presence.ts';
import type { Visitor } from '../visitors/repository.ts';
import { ConversationNotOpenError, type NewMessage } from './messages.ts';
import type { Conversation } from './repository.ts';
import { type HandedOut, type HandOutTrigger, QueueRouter } from './routing.ts';
import { SystemLines } from './system-lines.ts';

/** Whether the conversation belongs in the operator's list: theirs, or waiting in a queue they did not leave. */
export function isListedFor(operatorId: string, conversation: Conversation): boolean {
  if (conversation.status !== 'open') return false;
  if (conversation.memberIds.includes(operatorId)) return true;
  return conversation.memberIds.length === 0 && !conversation.leftIds.includes(operatorId);
}

/**
 * Whether the operator may open the conversation at all: admins always; an open one when it is in
 * their list; a closed one when they were in it as it ended.
 */
export function canRead(operator: OperatorProfile, conversation: Conversation): boolean {
  if (operator.role === 'admin') return true;
  if (conversation.status === 'open') return isListedFor(operator.id, conversation);
  return conversation.memberIds.includes(operator.id);
}

/**
 * Whether the operator's live list follows the conversation: what isListedFor says, every open one
 * for admins (but those they left), and closed ones they may read (their Resolved view).
 */
export function isShownTo(operator: OperatorProfile, conversation: Conversation): boolean {
  if (conversation.status !== 'open') return canRead(operator, conversation);
  if (isListedFor(operator.id, conversation)) return true;
  return operator.role === 'admin' && !conversation.leftIds.includes(operator.id);
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
  /** Uploads of the sender to attach (see MessageRepository.checkAttachments). */
  attachmentIds?: readonly string[];
}

type VisitorMessage = Omit<NewMessage, 'conversationId'>;

const visitorMessage = (visitor: Visitor, input: SendInput): VisitorMessage => ({
  author: visitorAuthor(visitor),
  body: input.body,
  visibility: 'public',
  clientId: input.clientId,
  ...(input.attachmentIds?.length ? { attachmentIds: input.attachmentIds } : {}),
});

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

/** A transfer's outcome, for the notification the new assignee gets. */
export interface Assigned {
  conversation: Conversation;
  /** The new assignee's "joined" line, or the newest message when they were in it already. */
  message: Message | null;
  previousId: string | null;
}

export class ConversationService {
  private readonly operatorMessageHooks: OperatorMessageHook[] = [];
  private readonly assignedHooks: Array<(by: OperatorProfile, assigned: Assigned) => Promise<void>> = [];
  readonly router: QueueRouter;
  private readonly lines: SystemLines;

  constructor(
    private readonly store: Store,
    private readonly bus: EventBus,
    presence: Presence,
    onError: (err: unknown) => void = () => {},
  ) {
    this.router = new QueueRouter(store, presence, onError);
    this.lines = new SystemLines(store, (conversation, message) => this.publishMessage(conversation, message));
  }

  /** Hands queued conversations out (see QueueRouter for the triggers) and announces each with its line. */
  async handOut(trigger: HandOutTrigger): Promise<void> {
    await this.announceHandedOut(await this.router.handOut(trigger));
  }

  /**
   * Stores a visitor's message, opening (and assigning) their conversation on the first one.
   * `openId` is the conversation the visitor's connection last wrote to: tried first, without reading
   * it again, and given up if it is no longer open. `beforeOpening` runs only when the message must
   * open a conversation, and refuses it by throwing (a limit on new conversations).
   */
  async visitorSend(
    visitor: Visitor,
    input: SendInput,
    originId?: string,
    openId?: string,
    beforeOpening?: () => Promise<void>,
  ): Promise<Message> {
    const message = visitorMessage(visitor, input);
    if (message.attachmentIds) {
      const sender = { kind: 'visitor', visitorId: visitor.id, siteId: visitor.siteId } as const;
      await this.store.messages.checkAttachments(sender, message.attachmentIds, input.clientId);
    }
    const appended = openId ? await this.appendIfOpen(openId, visitor, message, originId) : null;
    return appended ?? this.appendOrOpen(visitor, message, originId, undefined, beforeOpening);
  }

  /**
   * A visitor's email reply to one of their conversations: appended there while it is open; once it is
   * closed, to the visitor's open conversation, or to a new one that continues it (queued and routed
   * like any new chat). A closed conversation is never reopened. The same mail again is the message it made.
   */
  async visitorReplyByEmail(visitor: Visitor, repliedTo: Conversation, input: SendInput): Promise<Message> {
    const delivered = await this.store.messages.ofVisitorByClientId(visitor.id, input.clientId);
    if (delivered) return delivered;
    const message = visitorMessage(visitor, input);
    const appended = repliedTo.status === 'open' ? await this.appendIfOpen(repliedTo.id, visitor, message) : null;
    return appended ?? this.appendOrOpen(visitor, message, undefined, repliedTo.id);
  }

  /** Appends to the conversation the visitor wrote to last; null when it is no longer open. */
  private async appendIfOpen(
    conversationId: string,
    visitor: Visitor,
    message: VisitorMessage,
    originId?: string,
  ): Promise<Message | null> {
    try {
      const appended = await this.store.messages.append({ conversationId, ...message });
      if (!appended.duplicate)
        this.publishMessage({ id: conversationId, visitorId: visitor.id }, appended.message, originId);
      return appended.message;
    } catch (error) {
      if (error instanceof ConversationNotOpenError) return null;
      throw error;
    }
  }

  /** Appends to the visitor's open conversation, opening (and handing out) one when there is none. */
  private async appendOrOpen(
    visitor: Visitor,
    message: VisitorMessage,
    originId?: string,
    previousId?: string,
    beforeOpening?: () => Promise<void>,
  ): Promise<Message> {
    // Most messages go to a conversation that exists: read it, and only try to create when there is none.
    const open = await this.store.conversations.openByVisitor(visitor.siteId, visitor.id);
    if (!open) await beforeOpening?.();
    const { conversation, created } = open
      ? { conversation: open, created: false }
      : await this.store.conversations.findOrCreateOpen(visitor.siteId, visitor.id, previousId);
    const appended = await this.store.messages.append({ conversationId: conversation.id, ...message });
    // A new conversation is handed out before anyone hears of it, so that it never shows as queued
    // to everyone for a moment; its "joined" line follows the visitor's message.
    const handed = created ? await this.router.handOut('new-conversation') : [];
    if (!appended.duplicate) this.publishMessage(conversation, appended.message, originId);
    if (created && !handed.some((h) => h.conversation.id === conversation.id)) this.announce(conversation);
    await this.announceHandedOut(handed);
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
    const attachmentIds = input.attachmentIds ?? [];
    if (attachmentIds.length > 0) {
      // What the composer would run as a command (`/name args`) runs nothing with files: refused, not sent as text.
      if (parseCommand(input.body) !== null) {
        throw new AppError('bad_request', 'a command cannot carry attachments; send the files without it');
      }
      const sender = { kind: 'operator', operatorId: operator.id } as const;
      await this.store.messages.checkAttachments(sender, attachmentIds, input.clientId);
    }
    if (!conversation.memberIds.includes(operator.id)) conversation = await this.join(conversation, operator);
    const { message, duplicate } = await this.store.messages.append({
      conversationId: conversation.id,
      author: operatorAuthor(operator),
      body: input.body,
      visibility: input.visibility,
      clientId: input.clientId,
      attachmentIds,
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
  async leave(operator: OperatorProfile, conversationId: string, announce = true): Promise<Conversation> {
    const conversation = await this.readable(operator, conversationId);
    const after = await this.store.conversations.leave(conversation.id, operator.id);
    if (announce) this.afterLeave(after);
    return after;
  }

  /** What follows a /leave once it is told: lists change, and the freed slot goes to the queue. */
  afterLeave(conversation: Conversation): void {
    this.announce(conversation);
    void this.handOut('slot-freed');
  }

  /** The operator joins (with a public "NAME joined" line the first time they are in it); announced. */
  async join(conversation: Conversation, operator: Pick<OperatorProfile, 'id' | 'name'>): Promise<Conversation> {
    const after = await this.store.conversations.join(conversation.id, operator.id);
    // Announced first: the line's listing update then moves a listing that shows the new member.
    this.announce(after);
    await this.lines.joined(after, operator);
    return after;
  }

  /**
   * POST …/assign: an admin assigns anything; an operator a conversation they are in or that waits in
   * the queue. The target joins and becomes the assignee; the previous assignee leaves it.
   */
  async assign(by: OperatorProfile, conversationId: string, targetId: string): Promise<Conversation> {
    const conversation = await this.readable(by, conversationId);
    if (conversation.status !== 'open') throw new AppError('conflict', 'this conversation is closed');
    const queued = conversation.memberIds.length === 0 && !conversation.leftIds.includes(by.id);
    if (by.role !== 'admin' && !conversation.memberIds.includes(by.id) && !queued) {
      throw new AppError('forbidden', 'you may assign only conversations you are in or that wait in the queue');
    }
    const target = await this.store.operators.usable(targetId);
    if (!target)
      throw new AppError('bad_request', 'this operator cannot take conversations (unknown, invited or disabled)');
    const previousId = conversation.assignedOperatorId;
    if (previousId === target.id) return conversation;
    const after = await this.store.conversations.assignTo(conversation.id, target.id);
    this.announce(after);
    const message = (await this.lines.joined(after, target)) ?? (await this.store.messages.last(after.id));
    if (target.id !== by.id) {
      for (const hook of this.assignedHooks) await hook(by, { conversation: after, message, previousId });
    }
    if (previousId) void this.handOut('slot-freed');
    return after;
  }

  /** Runs after a colleague assigned a conversation to someone else (the notification). */
  onAssigned(hook: (by: OperatorProfile, assigned: Assigned) => Promise<void>): void {
    this.assignedHooks.push(hook);
  }

  /** An operator resolves the conversation: "NAME resolved the conversation", then it closes. */
  async resolve(operator: OperatorProfile, conversationId: string): Promise<Conversation> {
    const conversation = await this.readable(operator, conversationId);
    // Being mentioned lets one read a conversation, not end it.
    if (!canRead(operator, conversation)) throw new AppError('forbidden', 'this conversation is not yours');
    // Who resolves a queued conversation keeps it in their Resolved view (without a "joined" line).
    if (conversation.status === 'open' && !conversation.memberIds.includes(operator.id)) {
      await this.store.conversations.join(conversation.id, operator.id);
    }
    return this.close(conversation, 'resolved', { id: operator.id, name: operator.name });
  }

  /** The visitor ends their open conversation from the widget. */
  async endByVisitor(visitor: Pick<Visitor, 'id' | 'siteId'>): Promise<Conversation> {
    const open = await this.store.conversations.openByVisitor(visitor.siteId, visitor.id);
    if (!open) throw new AppError('conflict', 'there is no open conversation to end');
    return this.close(open, 'ended', { id: null, name: 'Visitor' });
  }

  /** Every conversation of the visitor that the operator may read, newest first. */
  async ofVisitor(operator: OperatorProfile, visitorId: string): Promise<Conversation[]> {
    const all = await this.store.conversations.byVisitor(visitorId);
    const readable: Conversation[] = [];
    for (const conversation of all) if (await this.mayRead(operator, conversation)) readable.push(conversation);
    return readable;
  }

  /**
   * The system line is stored before the conversation closes (a message goes only into an open one),
   * both in one hold of the conversation's close, on whichever node: a second resolve or end waits,
   * finds it closed and is refused. Then the line is sent, lists change, the visitor hears it ended,
   * and the freed slots go to the queue.
   */
  private async close(conversation: Conversation, event: SystemEvent, actor: { id: string | null; name: string }) {
    const line = await this.store.jobs.exclusive(`close:${conversation.id}`, async () => {
      const current = await this.store.conversations.byId(conversation.id);
      if (current?.status !== 'open') throw new AppError('conflict', 'this conversation is closed already');
      const message = await this.lines.write(current, event, actor);
      if (!(await this.store.conversations.close(current.id))) {
        throw new AppError('conflict', 'this conversation is closed already');
      }
      return message;
    });
    this.publishMessage(conversation, line);
    const closed = await this.store.conversations.byId(conversation.id);
    if (!closed) throw new AppError('not_found', 'no such conversation');
    this.announce(closed);
    const frame: ServerToVisitor = { type: 'conversation.closed', conversationId: closed.id };
    this.bus.publish({ kind: 'to-visitor', visitorId: closed.visitorId, frame });
    if (closed.memberIds.length > 0) void this.handOut('slot-freed');
    return closed;
  }

  private async announceHandedOut(handed: readonly HandedOut[]): Promise<void> {
    for (const { conversation, operatorId } of handed) {
      this.announce(conversation);
      const operator = await this.store.operators.byId(operatorId);
      if (operator) await this.lines.joined(conversation, operator);
    }
  }

  private announce(conversation: Pick<Conversation, 'id' | 'visitorId'>): void {
    this.bus.publish({ kind: 'conversation', conversationId: conversation.id, visitorId: conversation.visitorId });
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
    const [visitor, last, pages, rating] = await Promise.all([
      store.visitors.byId(conversation.visitorId),
      // "Alice joined" would hide the visitor's question in the list: the preview is what someone wrote.
      store.messages.lastWritten(conversation.id),
      store.visitors.recentPageViews(conversation.visitorId, 1),
      store.ratings.of(conversation.id),
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
      closedAt: conversation.closedAt,
      rating,
      previousConversationId: conversation.previousConversationId,
    };
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
