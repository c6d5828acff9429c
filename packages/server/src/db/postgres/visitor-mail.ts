// What the visitor emails are made of, read from PostgreSQL: unseen replies not yet emailed, and a
// conversation's public lines.

import type { MailLine } from '../../mail/compose.ts';
import type { OutgoingEmail } from '../../mail/outbox.ts';
import type { UnseenReplies, VisitorMailRepository } from '../../mail/repository.ts';
import type { PgDb } from './connection.ts';
import type { PostgresOutboxRepository } from './outbox.ts';
import { type FileRow, mailLines, type ReplyRow } from '../rows/visitor-mail.ts';

interface HeadRow {
  site_id: string;
  visitor_id: string;
  email: string | null;
  after_seq: number;
}

export class PostgresVisitorMailRepository implements VisitorMailRepository {
  constructor(
    private readonly db: PgDb,
    private readonly outbox: PostgresOutboxRepository,
  ) {}

  async dueReplies(since: string, before: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT DISTINCT m.conversation_id AS id FROM messages m
       JOIN conversations c ON c.id = m.conversation_id
       JOIN visitors v ON v.id = c.visitor_id
       WHERE m.author_kind = 'operator' AND m.visibility = 'public'
         AND m.created_at > $1 AND m.created_at <= $2
         AND m.seq > greatest(c.visitor_read_seq, c.emailed_through_seq) AND v.email IS NOT NULL
       LIMIT $3`,
      [since, before, limit],
    );
    return rows.map((row) => row.id);
  }

  async unseenReplies(conversationId: string): Promise<UnseenReplies | null> {
    const head = await this.db.one<HeadRow>(
      `SELECT c.site_id, c.visitor_id, v.email, greatest(c.visitor_read_seq, c.emailed_through_seq) AS after_seq
       FROM conversations c JOIN visitors v ON v.id = c.visitor_id WHERE c.id = $1`,
      [conversationId],
    );
    if (!head?.email) return null;
    const rows = await this.db.query<ReplyRow>(
      `SELECT id, seq, author_name, body, created_at FROM messages
       WHERE conversation_id = $1 AND seq > $2 AND author_kind = 'operator' AND visibility = 'public' ORDER BY seq`,
      [conversationId, head.after_seq],
    );
    if (rows.length === 0) return null;
    return {
      conversationId,
      siteId: head.site_id,
      visitorId: head.visitor_id,
      visitorEmail: head.email,
      afterSeq: head.after_seq,
      replies: await this.withFiles(conversationId, rows),
    };
  }

  async enqueueReplies(
    conversationId: string,
    afterSeq: number,
    throughSeq: number,
    email: OutgoingEmail,
    status: 'pending' | 'kept',
  ): Promise<boolean> {
    return this.db.transaction(async () => {
      // The update locks the conversation's row: a node marking the same replies at the same time waits,
      // then finds the seq moved on and stores nothing, so the visitor gets one email, not two.
      const marked = await this.db.run(
        `UPDATE conversations SET emailed_through_seq = $3
         WHERE id = $1 AND greatest(visitor_read_seq, emailed_through_seq) = $2`,
        [conversationId, afterSeq, throughSeq],
      );
      if (marked !== 1) return false;
      await this.outbox.add({ ...email, conversationId }, status);
      return true;
    });
  }

  async publicLines(conversationId: string, limit: number): Promise<MailLine[]> {
    const rows = await this.db.query<ReplyRow>(
      `SELECT id, seq, author_name, body, created_at FROM messages
       WHERE conversation_id = $1 AND visibility = 'public' AND author_kind <> 'system' ORDER BY seq LIMIT $2`,
      [conversationId, limit],
    );
    return this.withFiles(conversationId, rows);
  }

  /** The lines with their messages' files, read in one query. */
  private async withFiles(
    conversationId: string,
    rows: readonly ReplyRow[],
  ): Promise<Array<MailLine & { seq: number }>> {
    const attached = await this.db.query<FileRow>(
      `SELECT message_id, name, size FROM uploads
       WHERE conversation_id = $1 AND message_id = ANY($2::text[]) ORDER BY created_at, position, id`,
      [conversationId, rows.map((row) => row.id)],
    );
    return mailLines(rows, attached);
  }
}
