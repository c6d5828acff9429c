// Conversations and their operator members: the open conversation per visitor, assignment, reads.

import type { ConversationStatus, OperatorProfile } from '@livechat/protocol';

/** Who reads a conversation, or a record made from one: what the read rule looks at. */
export type Reader = Pick<OperatorProfile, 'id' | 'role'>;

export interface Conversation {
  id: string;
  siteId: string;
  visitorId: string;
  status: ConversationStatus;
  assignedOperatorId: string | null;
  lastSeq: number;
  /** Operators currently in the conversation; empty while it waits in the queue. */
  memberIds: string[];
  /** Operators who left it with /leave and have not come back: they no longer see it. */
  leftIds: string[];
  createdAt: string;
  updatedAt: string;
  /** When it was resolved or ended; null while open. */
  closedAt: string | null;
  /** When it last started waiting in the queue. */
  queuedAt: string | null;
  /** The resolved conversation this one continues (an email reply to it); null for most. */
  previousConversationId: string | null;
}

export interface OpenRef {
  id: string;
  lastSeq: number;
}

export interface ConversationRepository {
  /**
   * The visitor's open conversation on the site, created if there is none (race-safe); a created one
   * continues `previousId` when given. An open one found keeps whatever link it has.
   */
  findOrCreateOpen(
    siteId: string,
    visitorId: string,
    previousId?: string,
  ): Promise<{ conversation: Conversation; created: boolean }>;
  openByVisitor(siteId: string, visitorId: string): Promise<Conversation | null>;
  /** The same conversation's id and last seq only, for the paths that need no more (a resume, a page view). */
  openRefByVisitor(siteId: string, visitorId: string): Promise<OpenRef | null>;
  byId(id: string): Promise<Conversation | null>;
  /** Adds an operator as an active member; the first member becomes the assignee. */
  join(conversationId: string, operatorId: string): Promise<Conversation>;
  /** Removes an operator; the assignment passes to a remaining member, or to the queue. */
  leave(conversationId: string, operatorId: string): Promise<Conversation>;
  /** Open conversations the operator is in, plus the queue. */
  listVisibleTo(operatorId: string): Promise<Conversation[]>;
  /** Open conversations the operator is a member of. */
  openIdsOfMember(operatorId: string): Promise<string[]>;
  /** Number of open conversations each operator is an active member of. */
  openCounts(operatorIds: readonly string[]): Promise<Map<string, number>>;
  /** Visitor messages the operator has not read, counting those up to `upToSeq` only when given. */
  unreadCount(conversationId: string, operatorId: string, upToSeq?: number): Promise<number>;
  markRead(conversationId: string, operatorId: string, seq: number): Promise<void>;
  /** Closes an open conversation; false when it was closed already. Its members stay, to read it later. */
  close(conversationId: string): Promise<boolean>;
  /**
   * Makes the operator its assignee (joining it if they are not in it); the previous assignee, if
   * another operator, leaves it as /leave would.
   */
  assignTo(conversationId: string, operatorId: string): Promise<Conversation>;
  /** Open conversations waiting in the queue, oldest wait first. */
  queued(limit: number): Promise<Conversation[]>;
  /** Every conversation of the visitor, newest first. */
  byVisitor(visitorId: string): Promise<Conversation[]>;
  /** Queued conversations that waited longer than their site allows and were not alerted for this wait. */
  dueQueueAlerts(): Promise<Conversation[]>;
  /** Records the alert; false when this wait was alerted already (or ended). */
  markQueueAlerted(conversationId: string, queuedAt: string): Promise<boolean>;
}
