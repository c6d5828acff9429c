// Bodies of the HTTP API for the inbox: ending conversations, assignment and routing, views, search, alerts.

import type { ConversationSummary, OperatorRole } from './model.ts';

// ---- lifecycle -----------------------------------------------------------------------------------

/**
 * POST /api/operator/conversations/:id/resolve → 200 { conversation } (status `closed`). Everyone in it
 * and the visitor get a public system line "NAME resolved the conversation"; the visitor's next message
 * starts a new conversation. Resolving a closed conversation → 409 `conflict`.
 * The visitor ends it with the socket frame `conversation.end` (system line "The visitor ended the
 * conversation"). Both send the visitor `conversation.closed`.
 */
export interface ConversationBody {
  conversation: ConversationSummary;
}

/** The event behind a system line, so that each client can word it in its own language. */
export type SystemEvent = 'joined' | 'resolved' | 'ended' | 'transferred';

/**
 * GET /api/operator/visitors/:visitorId/conversations → 200: the visitor's conversations this operator
 * may read, newest first, the open one included (the operator UI shows the earlier ones collapsed).
 */
export interface VisitorConversationList {
  conversations: ConversationSummary[];
}

// ---- routing ---------------------------------------------------------------------------------------

/** `offline`: no open socket. Only `online` operators get new chats, up to their capacity. */
export type OperatorStatus = 'online' | 'away' | 'offline';

/**
 * PUT /api/operator/me/status { status: 'online' | 'away' } → 200 { status }. The choice is kept: signing
 * in makes an operator online unless they chose away before. Coming online hands them queued
 * conversations, oldest first, up to their capacity.
 */
export interface StatusInput {
  status: 'online' | 'away';
}

/**
 * POST /api/operator/conversations/:id/assign { operatorId } → 200 { conversation }. Transfer to a
 * colleague (they are notified, the previous assignee leaves it, a public system line
 * "NAME joined"), or take a queued conversation (operatorId = oneself). An admin may assign anything;
 * an operator may assign a conversation they are in or that waits in the queue. 409 `conflict` when the
 * conversation is closed, 400 `bad_request` when the target is disabled, invited or unknown.
 * Capacity does not refuse a deliberate transfer; it only limits automatic hand-out.
 */
export interface AssignInput {
  operatorId: string;
}

/** GET /api/operator/operators → 200: who may be mentioned or assigned (active operators only). */
export interface Assignee {
  id: string;
  name: string;
  email: string;
  role: OperatorRole;
  online: boolean;
  status: OperatorStatus;
  /** Open conversations assigned to them now. */
  openConversations: number;
  /** Open conversations the queue hands them at most (admin setting, default 5). */
  capacity: number;
}

// ---- views -----------------------------------------------------------------------------------------

export type InboxView = 'mine' | 'unassigned' | 'mentions' | 'resolved' | 'all';

/**
 * GET /api/operator/conversations?view=mine&limit=50&cursor=… → 200, most recently updated first.
 * `mine`: open and assigned to me or with me as a member; `unassigned`: open and waiting in the queue
 * (not left by me); `mentions`: conversations with an unread mention of me; `resolved`: closed ones I may
 * read; `all` (admins only, else 403): every open conversation. Without `view`: mine and unassigned
 * together (what the list showed before views). `limit` 1–200, default 50.
 */
export interface ConversationPage {
  conversations: ConversationSummary[];
  /** Pass as `cursor` for the next page; null at the end. */
  nextCursor: string | null;
}

/** GET /api/operator/conversations/counts → 200. `all` is null for operators who are not admins. */
export interface InboxCounts {
  mine: number;
  unassigned: number;
  mentions: number;
  resolved: number;
  all: number | null;
}

// ---- search ----------------------------------------------------------------------------------------

/**
 * GET /api/operator/search?q=WORDS&cursor=… → 200, newest first, 20 a page. Words are matched as
 * words and prefixes (FTS5 query syntax in them is taken literally), over public messages, internal
 * notes, and the visitor's name and email. Only conversations the operator may read; an operator's
 * command results are never searched. An empty q → 400 `bad_request`.
 */
export interface SearchResultPage {
  results: SearchResult[];
  nextCursor: string | null;
}
export interface SearchResult {
  conversation: ConversationSummary;
  /** The matching message; null when the match is the visitor's name or email. */
  messageId: string | null;
  seq: number | null;
  visibility: 'public' | 'operator' | null;
  /** Plain text around the match; `highlights` are [start, end) offsets into it, to render as text. */
  snippet: string;
  highlights: Array<[number, number]>;
  createdAt: string;
}

// ---- alerts ----------------------------------------------------------------------------------------

/** Per operator, on by default; kept with the profile (PATCH /api/operator/me { alerts }). */
export interface AlertPreferences {
  sound: boolean;
  desktop: boolean;
}
