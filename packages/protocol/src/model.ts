// The domain objects that travel on the wire and through the HTTP API.

import type { Visibility } from './visibility.ts';

export type AuthorKind = 'visitor' | 'operator' | 'system';
export type OperatorRole = 'admin' | 'operator';
export type NotificationPreference = 'inbox' | 'email';
export type ConversationStatus = 'open' | 'closed';

export interface Author {
  kind: AuthorKind;
  /** Visitor or operator id; null for system messages. */
  id: string | null;
  name: string;
}

export interface Message {
  id: string;
  conversationId: string;
  /** Gap-free position in the conversation, starting at 1. */
  seq: number;
  /** The sender's idempotency key, when the sender gave one. */
  clientId: string | null;
  author: Author;
  body: string;
  visibility: Visibility;
  /** ISO 8601 time the server stored the message. */
  createdAt: string;
}

export interface PageView {
  url: string;
  title: string;
  referrer: string;
  /** ISO 8601 time the server recorded the view. */
  viewedAt: string;
}

export interface VisitorProfile {
  id: string;
  name: string | null;
  email: string | null;
}

export interface OperatorProfile {
  id: string;
  name: string;
  email: string;
  role: OperatorRole;
  notify: NotificationPreference;
}

/** What an operator's conversation list shows about one conversation. */
export interface ConversationSummary {
  id: string;
  siteId: string;
  status: ConversationStatus;
  visitor: VisitorProfile;
  /** Operators currently in the conversation; empty while it waits in the queue. */
  memberIds: string[];
  assignedOperatorId: string | null;
  lastSeq: number;
  lastMessage: Pick<Message, 'body' | 'author' | 'createdAt' | 'visibility'> | null;
  /** Visitor messages the receiving operator has not read yet. */
  unread: number;
  currentPage: PageView | null;
  createdAt: string;
  updatedAt: string;
}
