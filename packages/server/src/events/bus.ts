// Fan-out between the parts of the server and between server nodes. The database stays the source of
// truth: an event says "something new". Across nodes the bus is lossy by design (a node may be down,
// a connection may drop); a receiver that misses an event finds the gap by seq and reads it.

import type {
  Author,
  ConversationSummary,
  Message,
  OperatorProfile,
  PageView,
  ServerToClient,
  ServerToVisitor,
} from '@livechat/protocol';

export type BusEvent =
  | {
      kind: 'message';
      conversationId: string;
      visitorId: string;
      message: Message;
      /** The connection that sent it, which has the message through its ack already. */
      originId?: string;
    }
  /** Membership, assignment or status changed: receivers re-read the conversation. */
  | { kind: 'conversation'; conversationId: string; visitorId: string }
  | { kind: 'typing'; conversationId: string; visitorId: string; author: Author; active: boolean }
  | { kind: 'pageview'; visitorId: string; conversationId: string | null; pageView: PageView }
  /** An operator-only frame for every connection of one operator (command results, notifications). */
  | { kind: 'to-operator'; operatorId: string; frame: ServerToClient }
  /** A frame for every connection of one visitor (their conversation closed). */
  | { kind: 'to-visitor'; visitorId: string; frame: ServerToVisitor }
  /** An operator-only frame for every operator connection (canned responses, available commands). */
  | { kind: 'to-operators'; frame: ServerToClient }
  /** The operator read the conversation: their view of it, unread counted again, for all their connections. */
  | { kind: 'read'; operatorId: string; conversation: ConversationSummary }
  /** Conversations deleted (erase, retention): they leave every list and stop streaming. */
  | { kind: 'conversations-deleted'; conversationIds: string[] }
  /** A logout: the sockets opened with that login session close. */
  | { kind: 'session-ended'; sessionHash: string }
  /** A disabled operator or a new password: their sockets close, but those of `keepSessionHash`. */
  | { kind: 'operator-ended'; operatorId: string; keepSessionHash?: string }
  /** A new role or name: the operator's open sockets act with it. */
  | { kind: 'operator-changed'; operator: OperatorProfile }
  /** A visitor's reset(): the sockets opened with that token close. */
  | { kind: 'visitor-token-ended'; tokenHash: string }
  /** An erased visitor: every socket of theirs closes. */
  | { kind: 'visitor-ended'; visitorId: string }
  /** A site was edited: its visitors' sockets act with it, or close where it no longer allows them. */
  | { kind: 'site-changed'; siteId: string };

export interface EventBus {
  /**
   * Hands the event to every subscriber, on every node, this one included, in publish order. A
   * subscriber that throws is reported and does not keep the event from the others.
   */
  publish(event: BusEvent): void;
  /** Returns a function that unsubscribes. */
  subscribe(handler: (event: BusEvent) => void): () => void;
  /**
   * A bus between nodes calls `handler` each time it carries events again after its connection was
   * lost, when events published meanwhile may be gone; the in-process bus loses none and has no such
   * moment. Returns a function that stops it.
   */
  onResume?(handler: () => void): () => void;
}

/** Single-process bus: delivers synchronously, in publish order; it serves one node only. */
export class InProcessBus implements EventBus {
  private readonly handlers = new Set<(event: BusEvent) => void>();

  /** `onError` hears what a subscriber threw. */
  constructor(private readonly onError: (err: unknown, event: BusEvent) => void) {}

  publish(event: BusEvent): void {
    for (const handler of this.handlers) {
      try {
        handler(event);
      } catch (err) {
        this.onError(err, event);
      }
    }
  }

  subscribe(handler: (event: BusEvent) => void): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }
}
