// What the visitor emails are made of, read from SQLite: unseen replies not yet emailed, and a
// conversation's public lines.

import type { UnseenReplies, VisitorMailRepository } from '../../mail/repository.ts';
import { newId, now } from '../../ids.ts';
import type { MailLine } from '../../mail/compose.ts';
import type { OutgoingEmail } from '../../mail/outbox.ts';
import type { Db } from './connection.ts';
import { type FileRow, mailLines, type ReplyRow } from '../rows/visitor-mail.ts';

export class SqliteVisitorMailRepository implements VisitorMailRepository {
  private readonly selectDue;
  private readonly selectHead;
  private readonly selectReplies;
  private readonly selectPublic;
  private readonly selectFiles;
  private readonly markEmailed;
  private readonly insertEmail;
  private readonly enqueueTx;

  constructor(db: Db) {
    this.selectDue = db.prepare<{ since: string; before: string; limit: number }, { id: string }>(
      `SELECT DISTINCT m.conversation_id AS id FROM messages m INDEXED BY messages_operator_replies_by_time
       JOIN conversations c ON c.id = m.conversation_id
       JOIN visitors v ON v.id = c.visitor_id
       WHERE m.author_kind = 'operator' AND m.visibility = 'public'
         AND m.created_at > @since AND m.created_at <= @before
         AND m.seq > max(c.visitor_read_seq, c.emailed_through_seq) AND v.email IS NOT NULL
       LIMIT @limit`,
    );
    this.selectHead = db.prepare<
      [string],
      { site_id: string; visitor_id: string; email: string | null; after_seq: number }
    >(
      `SELECT c.site_id, c.visitor_id, v.email, max(c.visitor_read_seq, c.emailed_through_seq) AS after_seq
       FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE c.id = ?`,
    );
    this.selectReplies = db.prepare<[string, number], ReplyRow>(
      `SELECT id, seq, author_name, body, created_at FROM messages
       WHERE conversation_id = ? AND seq > ? AND author_kind = 'operator' AND visibility = 'public' ORDER BY seq`,
    );
    this.selectPublic = db.prepare<[string, number], ReplyRow>(
      `SELECT id, seq, author_name, body, created_at FROM messages
       WHERE conversation_id = ? AND visibility = 'public' AND author_kind <> 'system' ORDER BY seq LIMIT ?`,
    );
    // The files of a batch of messages, in one query.
    this.selectFiles = db.prepare<[string, string], FileRow>(
      `SELECT message_id, name, size FROM uploads
       WHERE conversation_id = ? AND message_id IN (SELECT value FROM json_each(?)) ORDER BY created_at, rowid`,
    );
    this.markEmailed = db.prepare<{ id: string; afterSeq: number; throughSeq: number }>(
      `UPDATE conversations SET emailed_through_seq = @throughSeq
       WHERE id = @id AND max(visitor_read_seq, emailed_through_seq) = @afterSeq`,
    );
    this.insertEmail = db.prepare(
      `INSERT INTO email_outbox (id, kind, conversation_id, to_address, from_name, reply_to, subject, text, created_at, status,
         next_attempt_at)
       VALUES (@id, @kind, @conversationId, @to, @fromName, @replyTo, @subject, @text, @time, @status, @nextAttemptAt)`,
    );
    this.enqueueTx = db.transaction(
      (id: string, afterSeq: number, throughSeq: number, email: OutgoingEmail, status: 'pending' | 'kept') => {
        if (this.markEmailed.run({ id, afterSeq, throughSeq }).changes !== 1) return false;
        const time = now();
        this.insertEmail.run({
          id: newId(),
          kind: email.kind,
          conversationId: id,
          to: email.to,
          fromName: email.fromName ?? null,
          replyTo: email.replyTo ?? null,
          subject: email.subject,
          text: email.text,
          time,
          status,
          nextAttemptAt: status === 'pending' ? time : null,
        });
        return true;
      },
    );
  }

  async dueReplies(since: string, before: string, limit: number): Promise<string[]> {
    return this.selectDue.all({ since, before, limit }).map((row) => row.id);
  }

  async unseenReplies(conversationId: string): Promise<UnseenReplies | null> {
    const head = this.selectHead.get(conversationId);
    if (!head?.email) return null;
    const replies = this.withFiles(conversationId, this.selectReplies.all(conversationId, head.after_seq));
    if (replies.length === 0) return null;
    return {
      conversationId,
      siteId: head.site_id,
      visitorId: head.visitor_id,
      visitorEmail: head.email,
      afterSeq: head.after_seq,
      replies,
    };
  }

  async enqueueReplies(
    conversationId: string,
    afterSeq: number,
    throughSeq: number,
    email: OutgoingEmail,
    status: 'pending' | 'kept',
  ): Promise<boolean> {
    return this.enqueueTx.immediate(conversationId, afterSeq, throughSeq, email, status);
  }

  async publicLines(conversationId: string, limit: number): Promise<MailLine[]> {
    return this.withFiles(conversationId, this.selectPublic.all(conversationId, limit));
  }

  private withFiles(conversationId: string, rows: readonly ReplyRow[]): Array<MailLine & { seq: number }> {
    return mailLines(rows, this.selectFiles.all(conversationId, JSON.stringify(rows.map((row) => row.id))));
  }
}
