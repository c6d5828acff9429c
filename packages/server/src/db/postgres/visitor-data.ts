// Deleting what PostgreSQL stores about visitors: one visitor on request (erase), and old conversations
// and page views per site (retention). Tickets and leads made from a deleted conversation stay, redacted.

import { ERASED_VISITOR_LABEL } from '@livechat/protocol';
import type { ConversationsDeleted, Erased, VisitorDataRepository } from '../../privacy/visitor-data.ts';
import type { PgDb } from './connection.ts';
import type { PostgresUploadRepository } from './uploads.ts';

interface Removed {
  messages: number;
  redactedRecords: number;
  /** The hashes the removed uploads named. */
  files: string[];
}

/**
 * SQL over several tables, kept in this one repository as on SQLite. Deleting a conversation cascades to
 * its messages, members, mentions, notifications, ratings and command results; its outbox rows, its
 * messages' files and the visitor data in tickets and leads are dealt with here first.
 */
export class PostgresVisitorDataRepository implements VisitorDataRepository {
  constructor(
    private readonly db: PgDb,
    private readonly uploads: PostgresUploadRepository,
  ) {}

  async visitorCreatedAt(visitorId: string): Promise<string | null> {
    const row = await this.db.one<{ created_at: string }>('SELECT created_at FROM visitors WHERE id = $1', [visitorId]);
    return row?.created_at ?? null;
  }

  async eraseVisitor(visitorId: string): Promise<Erased | null> {
    return this.db.transaction(async () => {
      // Locking the visitor makes a second erase of them (from another node) wait, then find nobody.
      const visitor = await this.db.one('SELECT id FROM visitors WHERE id = $1 FOR UPDATE', [visitorId]);
      if (!visitor) return null;
      const conversations = await this.db.query<{ id: string }>(
        'SELECT id FROM conversations WHERE visitor_id = $1 ORDER BY created_at, id COLLATE "C" FOR UPDATE',
        [visitorId],
      );
      const ids = conversations.map((c) => c.id);
      const pageViews = await this.db.one<{ n: number }>('SELECT count(*) AS n FROM page_views WHERE visitor_id = $1', [
        visitorId,
      ]);
      const removed = await this.removeConversations(ids);
      // Uploads the visitor made for other messages, or for none yet.
      removed.files.push(...(await this.uploads.removeVisitorUploads(visitorId)));
      // Tokens, page views and the contact go with the visitor's row (ON DELETE CASCADE).
      await this.db.run('DELETE FROM visitors WHERE id = $1', [visitorId]);
      return {
        conversationIds: ids,
        messages: removed.messages,
        pageViews: pageViews?.n ?? 0,
        redactedRecords: removed.redactedRecords,
        unnamedFiles: await this.uploads.unnamed(removed.files),
      };
    });
  }

  async deleteClosedConversations(siteId: string, closedBefore: string, limit: number): Promise<ConversationsDeleted> {
    return this.db.transaction(async () => {
      // SKIP LOCKED: two nodes running retention at once take different conversations rather than
      // waiting on each other and counting the same ones twice.
      const conversations = await this.db.query<{ id: string; visitor_id: string }>(
        `SELECT id, visitor_id FROM conversations WHERE site_id = $1 AND status = 'closed' AND closed_at < $2
         ORDER BY closed_at LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [siteId, closedBefore, limit],
      );
      const { messages, redactedRecords, files } = await this.removeConversations(conversations.map((c) => c.id));
      return {
        conversations: conversations.map((c) => ({ id: c.id, visitorId: c.visitor_id })),
        messages,
        redactedRecords,
        unnamedFiles: await this.uploads.unnamed(files),
      };
    });
  }

  async deletePageViews(siteId: string, before: string): Promise<number> {
    return this.db.run(
      'DELETE FROM page_views WHERE viewed_at < $2 AND visitor_id IN (SELECT id FROM visitors WHERE site_id = $1)',
      [siteId, before],
    );
  }

  /** Inside the caller's transaction, which holds these conversations' rows locked. */
  private async removeConversations(ids: readonly string[]): Promise<Removed> {
    if (ids.length === 0) return { messages: 0, redactedRecords: 0, files: [] };
    const counted = await this.db.one<{ n: number }>(
      'SELECT count(*) AS n FROM messages WHERE conversation_id = ANY($1::text[])',
      [ids],
    );
    const tickets = await this.db.run(
      `UPDATE tickets SET customer_name = $2, customer_email = $2, description = $2
       WHERE conversation_id = ANY($1::text[])`,
      [ids, ERASED_VISITOR_LABEL],
    );
    const leads = await this.db.run(
      `UPDATE leads SET contact_name = $2, contact_email = $2, internal_notes = $2
       WHERE conversation_id = ANY($1::text[])`,
      [ids, ERASED_VISITOR_LABEL],
    );
    await this.db.run('DELETE FROM email_outbox WHERE conversation_id = ANY($1::text[])', [ids]);
    const files = await this.uploads.removeConversationUploads(ids);
    await this.db.run('DELETE FROM conversations WHERE id = ANY($1::text[])', [ids]);
    return { messages: counted?.n ?? 0, redactedRecords: tickets + leads, files };
  }
}
