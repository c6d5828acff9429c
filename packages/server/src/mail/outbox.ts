// The outbox: every outgoing email is stored here first, then claimed, sent and marked by the mail worker.

import type { OutboxEmail, OutboxKind, OutboxStatus } from '@livechat/protocol';

/** An email to send: what it is for, and who it seems to come from when not MAIL_FROM itself. */
export interface OutgoingEmail {
  kind: OutboxKind;
  to: string;
  subject: string;
  text: string;
  /** Display name of the sender (a site's name), with MAIL_FROM's address. */
  fromName?: string | null;
  replyTo?: string | null;
  /** The conversation a visitor's email is about. */
  conversationId?: string | null;
}

/** A claimed email, as the worker sends it. */
export interface ClaimedEmail extends OutgoingEmail {
  id: string;
  /** Attempts made, this one included. */
  attempts: number;
}

export interface OutboxRepository {
  /** Stores an email as `pending` (due now), or as `kept` when no SMTP server is configured. */
  add(email: OutgoingEmail, status: 'pending' | 'kept'): Promise<OutboxEmail>;
  /** Newest first, at most `limit`, of one status when given. */
  list(limit: number, status?: OutboxStatus): Promise<OutboxEmail[]>;
  byId(id: string): Promise<OutboxEmail | null>;
  /** Ids of pending emails due at `time`, the longest due first. */
  due(time: string, limit: number): Promise<string[]>;
  /**
   * Takes a due pending email for one attempt, holding it until `holdUntil`; null when it is not due
   * or someone else took it. Atomic, so that each attempt is made once however many workers look.
   */
  claim(id: string, time: string, holdUntil: string): Promise<ClaimedEmail | null>;
  markSent(id: string, time: string): Promise<void>;
  /** A failed attempt: pending again until `nextAttemptAt`, or `failed` when it is null. */
  markAttemptFailed(id: string, error: string, nextAttemptAt: string | null): Promise<void>;
  /** A failed email goes back to pending, due now, for a new round of attempts; null if it was not failed. */
  retry(id: string, time: string): Promise<OutboxEmail | null>;
  /** Emails of this kind about any conversation of the visitor, made after `since`. */
  countForVisitor(kind: OutboxKind, visitorId: string, since: string): Promise<number>;
}
