// Deleting what SQLite stores about visitors: one visitor on request (erase), and old conversations
// and page views per site (retention). Tickets and leads made from a deleted conversation stay, redacted.

import { ERASED_VISITOR_LABEL } from '@livechat/protocol';
import type { Erased, ConversationsDeleted, VisitorDataRepository } from '../../privacy/visitor-data.ts';
import type { SqliteUploadRepository } from './uploads.ts';
import type { Db } from './connection.ts';

/**
 * SQL over several tables, kept in this one repository so that a port to another database
 * translates erase and retention together. Deleting a conversation cascades to its messages (and
 * their search index rows, by trigger), members, mentions, notifications, ratings and command
 * results; its outbox rows, its messages' files and the visitor data in tickets and leads are dealt
 * with here first.
 */
export class SqliteVisitorDataRepository implements VisitorDataRepository {
  private readonly selectVisitor;
  private readonly conversationsOfVisitor;
  private readonly closedOfSite;
  private readonly countMessages;
  private readonly countPageViews;
  private readonly redactTickets;
  private readonly redactLeads;
  private readonly deleteOutbox;
  private readonly deleteConversation;
  private readonly deleteVisitor;
  private readonly deleteOldPageViews;
  private readonly eraseTx;
  private readonly deleteTx;

  constructor(
    db: Db,
    private readonly uploads: SqliteUploadRepository,
  ) {
    this.selectVisitor = db.prepare<[string], { id: string; created_at: string }>(
      'SELECT id, created_at FROM visitors WHERE id = ?',
    );
    this.conversationsOfVisitor = db.prepare<[string], { id: string; visitor_id: string }>(
      'SELECT id, visitor_id FROM conversations WHERE visitor_id = ?',
    );
    this.closedOfSite = db.prepare<[string, string, number], { id: string; visitor_id: string }>(
      `SELECT id, visitor_id FROM conversations WHERE site_id = ? AND status = 'closed' AND closed_at < ?
       ORDER BY closed_at LIMIT ?`,
    );
    this.countMessages = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM messages WHERE conversation_id = ?',
    );
    this.countPageViews = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM page_views WHERE visitor_id = ?',
    );
    this.redactTickets = db.prepare<[{ label: string; id: string }]>(
      `UPDATE tickets SET customer_name = @label, customer_email = @label, description = @label
       WHERE conversation_id = @id`,
    );
    this.redactLeads = db.prepare<[{ label: string; id: string }]>(
      `UPDATE leads SET contact_name = @label, contact_email = @label, internal_notes = @label
       WHERE conversation_id = @id`,
    );
    this.deleteOutbox = db.prepare<[string]>('DELETE FROM email_outbox WHERE conversation_id = ?');
    this.deleteConversation = db.prepare<[string]>('DELETE FROM conversations WHERE id = ?');
    this.deleteVisitor = db.prepare<[string]>('DELETE FROM visitors WHERE id = ?');
    this.deleteOldPageViews = db.prepare<[string, string]>(
      `DELETE FROM page_views WHERE viewed_at < ? AND visitor_id IN (SELECT id FROM visitors WHERE site_id = ?)`,
    );
    this.eraseTx = db.transaction((visitorId: string): Erased | null => {
      if (!this.selectVisitor.get(visitorId)) return null;
      const conversations = this.conversationsOfVisitor.all(visitorId);
      const pageViews = this.countPageViews.get(visitorId)?.n ?? 0;
      const removed = this.removeConversations(conversations.map((c) => c.id));
      // Uploads the visitor made for other messages, or for none yet.
      removed.files.push(...this.uploads.removeVisitorUploads(visitorId));
      // Tokens, page views and the contact go with the visitor's row (ON DELETE CASCADE).
      this.deleteVisitor.run(visitorId);
      return {
        conversationIds: conversations.map((c) => c.id),
        messages: removed.messages,
        pageViews,
        redactedRecords: removed.redactedRecords,
        unnamedFiles: this.uploads.unnamed(removed.files),
      };
    });
    this.deleteTx = db.transaction((siteId: string, closedBefore: string, limit: number): ConversationsDeleted => {
      const conversations = this.closedOfSite.all(siteId, closedBefore, limit);
      const { messages, redactedRecords, files } = this.removeConversations(conversations.map((c) => c.id));
      return {
        conversations: conversations.map((c) => ({ id: c.id, visitorId: c.visitor_id })),
        messages,
        redactedRecords,
        unnamedFiles: this.uploads.unnamed(files),
      };
    });
  }

  async visitorCreatedAt(visitorId: string): Promise<string | null> {
    return this.selectVisitor.get(visitorId)?.created_at ?? null;
  }

  async eraseVisitor(visitorId: string): Promise<Erased | null> {
    return this.eraseTx.immediate(visitorId);
  }

  async deleteClosedConversations(siteId: string, closedBefore: string, limit: number): Promise<ConversationsDeleted> {
    return this.deleteTx.immediate(siteId, closedBefore, limit);
  }

  async deletePageViews(siteId: string, before: string): Promise<number> {
    return this.deleteOldPageViews.run(before, siteId).changes;
  }

  /** Inside the caller's transaction; `files` are the hashes the removed uploads named. */
  private removeConversations(ids: readonly string[]): { messages: number; redactedRecords: number; files: string[] } {
    let messages = 0;
    let redactedRecords = 0;
    const files: string[] = [];
    for (const id of ids) {
      messages += this.countMessages.get(id)?.n ?? 0;
      redactedRecords += this.redactTickets.run({ label: ERASED_VISITOR_LABEL, id }).changes;
      redactedRecords += this.redactLeads.run({ label: ERASED_VISITOR_LABEL, id }).changes;
      this.deleteOutbox.run(id);
      files.push(...this.uploads.removeConversationUploads(id));
      this.deleteConversation.run(id);
    }
    return { messages, redactedRecords, files };
  }
}
