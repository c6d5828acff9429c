// What the visitor emails are made of: unseen replies not yet emailed, and a conversation's public lines.

import type { MailLine } from './compose.ts';
import type { OutgoingEmail } from './outbox.ts';

/** A conversation's replies the visitor has neither seen nor been emailed, and where to send them. */
export interface UnseenReplies {
  conversationId: string;
  siteId: string;
  visitorId: string;
  visitorEmail: string;
  /** Replies after this seq are the ones to send. */
  afterSeq: number;
  /** Oldest first, with their seqs. */
  replies: Array<MailLine & { seq: number }>;
}

export interface VisitorMailRepository {
  /**
   * Conversations whose visitor has an email and which have a public operator reply written in
   * (`since`, `before`] that the visitor has neither read nor been emailed.
   */
  dueReplies(since: string, before: string, limit: number): Promise<string[]>;
  unseenReplies(conversationId: string): Promise<UnseenReplies | null>;
  /**
   * Stores the email and marks the replies up to `throughSeq` emailed, in one transaction; false, with
   * nothing stored, when the conversation moved on since `afterSeq` was read (the visitor read it meanwhile).
   */
  enqueueReplies(
    conversationId: string,
    afterSeq: number,
    throughSeq: number,
    email: OutgoingEmail,
    status: 'pending' | 'kept',
  ): Promise<boolean>;
  /** The first `limit` public messages someone wrote (no notes, no system lines), oldest first. */
  publicLines(conversationId: string, limit: number): Promise<MailLine[]>;
}
