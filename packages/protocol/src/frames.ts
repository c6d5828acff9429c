// Wire frames: one discriminated union per direction, for visitor and operator connections.

import type { ErrorCode } from './errors.ts';
import type {
  Author,
  CannedResponse,
  CommandResult,
  ConversationSummary,
  Message,
  Notification,
  OperatorProfile,
  PageView,
  VisitorProfile,
} from './model.ts';
import type { Visibility } from './visibility.ts';

// ---- visitor → server ----------------------------------------------------------------------

export interface VisitorMessageSend {
  type: 'message.send';
  /** Frame id, echoed in the ack or error. */
  id: string;
  /** Idempotency key: resending the same clientId never stores a second message. */
  clientId: string;
  body: string;
  /** Uploads of this visitor, not yet attached, to attach to the message; with them `body` (the caption) may be empty. */
  attachmentIds?: string[];
}
export interface VisitorTypingSet {
  type: 'typing.set';
  id: string;
  active: boolean;
}
/** Asks for every visible message after `afterSeq` in the visitor's open conversation. */
export interface VisitorSync {
  type: 'sync';
  id: string;
  afterSeq: number;
}
export interface Ping {
  type: 'ping';
  id: string;
}
/** The visitor ends their open conversation from the widget's menu; the server answers `conversation.closed`. */
export interface VisitorConversationEnd {
  type: 'conversation.end';
  id: string;
}
/**
 * The visitor has seen everything up to `seq` in their open conversation (an open widget showed it).
 * Replies the visitor has seen never go to them by email.
 */
export interface VisitorConversationRead {
  type: 'conversation.read';
  id: string;
  seq: number;
}
export type VisitorToServer =
  | VisitorMessageSend
  | VisitorTypingSet
  | VisitorSync
  | VisitorConversationEnd
  | VisitorConversationRead
  | Ping;

// ---- operator → server ---------------------------------------------------------------------

export interface OperatorMessageSend {
  type: 'message.send';
  id: string;
  conversationId: string;
  clientId: string;
  body: string;
  /** `operator` makes an internal note that visitors never receive. Defaults to `public`. */
  visibility?: Visibility;
  /** Operators the composer inserted as `@Name`; those still named in the body are notified. */
  mentionIds?: string[];
  /** Canned responses inserted into this message, to record their use. */
  cannedIds?: string[];
  /** Uploads of this operator, not yet attached, to attach to the message; with them `body` may be empty. */
  attachmentIds?: string[];
}
export interface OperatorTypingSet {
  type: 'typing.set';
  id: string;
  conversationId: string;
  active: boolean;
}
/** Opens a conversation: returns what follows `afterSeq` and streams it live from then on. */
export interface OperatorSync {
  type: 'sync';
  id: string;
  conversationId: string;
  afterSeq: number;
}
export interface OperatorConversationRead {
  type: 'conversation.read';
  id: string;
  conversationId: string;
  seq: number;
}
export interface OperatorCommandRun {
  type: 'command.run';
  id: string;
  conversationId: string;
  /** Command name without the slash, e.g. `ticket`. */
  name: string;
  /** Everything after the name, trimmed. */
  args: string;
}
export type OperatorToServer =
  | OperatorMessageSend
  | OperatorTypingSet
  | OperatorSync
  | OperatorConversationRead
  | OperatorCommandRun
  | Ping;

export type ClientToServer = VisitorToServer | OperatorToServer;

// ---- server → client -----------------------------------------------------------------------

export interface VisitorWelcome {
  type: 'welcome';
  role: 'visitor';
  visitor: VisitorProfile;
  /**
   * The visitor's open conversation, if any. `seenSeq`: the highest seq an operator has read (0 for none),
   * so the widget marks the visitor's messages up to it as seen.
   */
  conversation: { id: string; lastSeq: number; seenSeq?: number } | null;
}
export interface OperatorWelcome {
  type: 'welcome';
  role: 'operator';
  operator: OperatorProfile;
  /** Names of the commands available now (module switches and teams decide). */
  commands: string[];
}
export interface MessageAck {
  type: 'message.ack';
  /** The id of the `message.send` frame. */
  id: string;
  message: Message;
}
export interface MessageCreated {
  type: 'message.created';
  message: Message;
}
export interface SyncResult {
  type: 'sync.result';
  id: string;
  conversationId: string | null;
  messages: Message[];
  lastSeq: number;
}
export interface TypingEvent {
  type: 'typing';
  conversationId: string;
  author: Author;
  active: boolean;
}
export interface ConversationUpdated {
  type: 'conversation.updated';
  conversation: ConversationSummary;
}
/** The conversation left this operator's list (reassigned, left, closed). */
export interface ConversationRemoved {
  type: 'conversation.removed';
  conversationId: string;
}
export interface PageViewed {
  type: 'page.viewed';
  visitorId: string;
  pageView: PageView;
}
/** A command's answer, for the operator who ran it only. */
export interface CommandResultFrame {
  type: 'command.result';
  /** The id of the `command.run` frame. */
  id: string;
  result: CommandResult;
}
/** The commands available changed (a module was switched, a team changed). */
export interface CommandsAvailable {
  type: 'commands.available';
  commands: string[];
}
export interface CannedChanged {
  type: 'canned.changed';
  cannedResponse: CannedResponse;
}
export interface CannedDeleted {
  type: 'canned.deleted';
  id: string;
}
export interface NotificationCreated {
  type: 'notification.created';
  notification: Notification;
  /** The operator's unread notifications after this one. */
  unread: number;
}
export interface NotificationsRead {
  type: 'notifications.read';
  ids: string[];
  unread: number;
}
/** The visitor's conversation ended (resolved by an operator, or ended by the visitor): the next message starts a new one. */
export interface ConversationClosed {
  type: 'conversation.closed';
  conversationId: string;
}
/**
 * To the visitor: an operator's read marker passed `seq` in their conversation; the visitor's messages up
 * to it are seen. Sent when the highest read marker of the conversation's operators moves forward.
 */
export interface ConversationSeen {
  type: 'conversation.seen';
  conversationId: string;
  seq: number;
}
/** A queued conversation has waited longer than its site allows: every online operator is alerted again. */
export interface QueueWaiting {
  type: 'queue.waiting';
  conversation: ConversationSummary;
  /** When it started waiting in the queue. */
  waitingSince: string;
}
export interface ErrorFrame {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** The id of the frame that caused the error, when it could be read. */
  frameId: string | null;
  /**
   * With `rate_limited`: how long to wait before sending that kind of frame again. The frame was not
   * applied (nothing stored); the socket stays open.
   */
  retryAfterMs?: number;
}
export interface Pong {
  type: 'pong';
  id: string;
}

export type ServerToClient =
  | VisitorWelcome
  | OperatorWelcome
  | MessageAck
  | MessageCreated
  | SyncResult
  | TypingEvent
  | ConversationUpdated
  | ConversationRemoved
  | PageViewed
  | CommandResultFrame
  | CommandsAvailable
  | CannedChanged
  | CannedDeleted
  | NotificationCreated
  | NotificationsRead
  | ConversationClosed
  | ConversationSeen
  | QueueWaiting
  | ErrorFrame
  | Pong;

/** The frames a visitor connection may ever receive. */
export type ServerToVisitor =
  | VisitorWelcome
  | MessageAck
  | MessageCreated
  | SyncResult
  | TypingEvent
  | ConversationClosed
  | ConversationSeen
  | ErrorFrame
  | Pong;
