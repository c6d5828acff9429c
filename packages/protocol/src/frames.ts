// Wire frames: one discriminated union per direction, for visitor and operator connections.

import type { ErrorCode } from './errors.ts';
import type {
  Author,
  ConversationSummary,
  Message,
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
export type VisitorToServer = VisitorMessageSend | VisitorTypingSet | VisitorSync | Ping;

// ---- operator → server ---------------------------------------------------------------------

export interface OperatorMessageSend {
  type: 'message.send';
  id: string;
  conversationId: string;
  clientId: string;
  body: string;
  /** `operator` makes an internal note that visitors never receive. Defaults to `public`. */
  visibility?: Visibility;
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
  /** The visitor's open conversation, if any. */
  conversation: { id: string; lastSeq: number } | null;
}
export interface OperatorWelcome {
  type: 'welcome';
  role: 'operator';
  operator: OperatorProfile;
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
export interface ErrorFrame {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** The id of the frame that caused the error, when it could be read. */
  frameId: string | null;
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
  | ErrorFrame
  | Pong;

/** The frames a visitor connection may ever receive. */
export type ServerToVisitor =
  | VisitorWelcome
  | MessageAck
  | MessageCreated
  | SyncResult
  | TypingEvent
  | ErrorFrame
  | Pong;
