// The domain objects that travel on the wire and through the HTTP API.

import type { Attachment } from './attachments.ts';
import type { ConversationRating } from './availability.ts';
import type { AlertPreferences, SystemEvent } from './inbox.ts';
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
  /** For system lines: what happened and who did it, so that each client words it in its language. */
  system?: { event: SystemEvent; name: string } | null;
  /** ISO 8601 time the server stored the message. */
  createdAt: string;
  /** Files attached to the message; absent when there are none. */
  attachments?: Attachment[];
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
  /** The site's own user id, set once the site verified it (identify with a valid hash). */
  externalId?: string | null;
  /** Custom attributes the site set with setAttributes(), shown to operators. */
  attributes?: Record<string, string>;
}

export interface OperatorProfile {
  id: string;
  name: string;
  email: string;
  role: OperatorRole;
  notify: NotificationPreference;
  /** Desktop notifications and sounds for new chats, messages and mentions (default: both on). */
  alerts?: AlertPreferences;
  /** What the operator chose; signing in makes them online unless they chose away. */
  availability?: 'online' | 'away';
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
  /** When it was resolved or ended; null while open. */
  closedAt?: string | null;
  /** The visitor's rating, once they gave one. */
  rating?: ConversationRating | null;
  /** The resolved conversation this one continues (the visitor answered it by email after it ended). */
  previousConversationId?: string | null;
}

// ---- commands ------------------------------------------------------------------------------

/** One line of a command's operator-only answer. */
export interface CommandLine {
  text: string;
  /** A link target: an operator-UI route (`#/tickets/42`) or an http(s) URL. */
  href?: string;
  /** Secondary text shown beside the line (a time, a URL). */
  meta?: string;
}

/** What a command answered, kept for the operator who ran it (a reload shows it again). */
export interface CommandResult {
  id: string;
  conversationId: string;
  operatorId: string;
  /** The command as typed, e.g. `/ticket Printer on fire`. */
  input: string;
  status: 'ok' | 'usage' | 'error';
  lines: CommandLine[];
  createdAt: string;
}

export interface ModuleSettings {
  helpdesk: boolean;
  crm: boolean;
}

export interface HelpdeskTeam {
  id: string;
  name: string;
  /** Lower comes first: the live chat's tickets go to the lowest sequence with live chat enabled. */
  sequence: number;
  livechatEnabled: boolean;
}

export interface Ticket {
  number: number;
  title: string;
  description: string;
  customerName: string | null;
  customerEmail: string | null;
  teamId: string;
  teamName: string;
  status: 'new' | 'in_progress' | 'solved';
  conversationId: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
}

export interface Lead {
  id: string;
  title: string;
  internalNotes: string;
  source: 'Livechat';
  contactName: string | null;
  contactEmail: string | null;
  conversationId: string | null;
  createdBy: string;
  createdByName: string;
  createdAt: string;
}

// ---- canned responses, mentions, notifications ---------------------------------------------

export interface CannedResponse {
  id: string;
  shortcut: string;
  substitution: string;
  description: string;
  createdBy: string;
  lastUsedAt: string | null;
  useCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Notification {
  id: string;
  /** `assigned`: a colleague transferred the conversation to this operator. */
  kind: 'mention' | 'assigned';
  conversationId: string;
  messageId: string;
  /** Who mentioned the operator. */
  authorName: string;
  /** The start of the message, as text. */
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}
