// Conversations and their operator members in PostgreSQL: the open conversation per visitor, assignment, reads.

import type { Conversation, ConversationRepository, OpenRef } from '../../conversations/repository.ts';
import { newId, now } from '../../ids.ts';
import type { PgDb } from './connection.ts';
import { type ConversationRow, conversation } from '../rows/conversations.ts';

// The row keeps its last seq (an append takes it); the newest message is found by it, and gives the
// last activity when it is later than the row's own last change (greatest() passes over a NULL).
export const SELECT = `SELECT c.id, c.site_id, c.visitor_id, c.status, c.assigned_operator_id, c.created_at,
  c.closed_at, c.queued_at, c.previous_conversation_id, c.last_seq,
  greatest(c.updated_at, (SELECT msg.created_at FROM messages msg
    WHERE msg.conversation_id = c.id AND msg.seq = c.last_seq)) AS activity_at,
  ARRAY(SELECT m.operator_id FROM conversation_members m WHERE m.conversation_id = c.id AND m.active) AS member_ids,
  ARRAY(SELECT m.operator_id FROM conversation_members m
    WHERE m.conversation_id = c.id AND NOT m.active AND m.left_at IS NOT NULL) AS left_ids
  FROM conversations c`;

const UPSERT_MEMBER = `INSERT INTO conversation_members (conversation_id, operator_id, joined_at, active)
  VALUES ($1, $2, $3, true)
  ON CONFLICT (conversation_id, operator_id) DO UPDATE SET active = true, left_at = NULL, joined_at = excluded.joined_at`;

const DEACTIVATE_MEMBER = `INSERT INTO conversation_members (conversation_id, operator_id, joined_at, active, left_at)
  VALUES ($1, $2, $3, false, $3)
  ON CONFLICT (conversation_id, operator_id) DO UPDATE SET active = false, left_at = excluded.left_at`;

export class PostgresConversationRepository implements ConversationRepository {
  constructor(private readonly db: PgDb) {}

  async findOrCreateOpen(siteId: string, visitorId: string, previousId?: string) {
    // Two nodes opening at once: the partial unique index makes the later insert wait for the earlier
    // one's commit and then do nothing; both read the one row. A retry covers a conversation closed
    // between the insert and the read.
    for (let attempt = 0; attempt < 3; attempt++) {
      const time = now();
      const created =
        (await this.db.run(
          `INSERT INTO conversations (id, site_id, visitor_id, status, created_at, updated_at, queued_at,
             previous_conversation_id)
           VALUES ($1, $2, $3, 'open', $4, $4, $4, $5) ON CONFLICT DO NOTHING`,
          [newId(), siteId, visitorId, time, previousId ?? null],
        )) === 1;
      const found = await this.openByVisitor(siteId, visitorId);
      if (found) return { conversation: found, created };
    }
    throw new Error('open conversation vanished right after creation');
  }

  async openByVisitor(siteId: string, visitorId: string): Promise<Conversation | null> {
    const row = await this.db.one<ConversationRow>(
      `${SELECT} WHERE c.site_id = $1 AND c.visitor_id = $2 AND c.status = 'open'`,
      [siteId, visitorId],
    );
    return row ? conversation(row) : null;
  }

  async openRefByVisitor(siteId: string, visitorId: string): Promise<OpenRef | null> {
    const row = await this.db.one<{ id: string; last_seq: number }>(
      `SELECT id, last_seq FROM conversations WHERE site_id = $1 AND visitor_id = $2 AND status = 'open'`,
      [siteId, visitorId],
    );
    return row ? { id: row.id, lastSeq: row.last_seq } : null;
  }

  async byId(id: string): Promise<Conversation | null> {
    const row = await this.db.one<ConversationRow>(`${SELECT} WHERE c.id = $1`, [id]);
    return row ? conversation(row) : null;
  }

  async join(conversationId: string, operatorId: string): Promise<Conversation> {
    await this.changeMembers(conversationId, async (time) => {
      await this.db.run(UPSERT_MEMBER, [conversationId, operatorId, time]);
      await this.db.run(
        `UPDATE conversations SET assigned_operator_id = $1, updated_at = $2
         WHERE id = $3 AND assigned_operator_id IS NULL`,
        [operatorId, time, conversationId],
      );
    });
    return this.mustGet(conversationId);
  }

  async leave(conversationId: string, operatorId: string): Promise<Conversation> {
    await this.changeMembers(conversationId, async (time) => {
      await this.db.run(DEACTIVATE_MEMBER, [conversationId, operatorId, time]);
      // The longest-standing remaining member takes over; none left means back to the queue.
      await this.db.run(
        `UPDATE conversations SET updated_at = $1, assigned_operator_id = (
           SELECT operator_id FROM conversation_members WHERE conversation_id = conversations.id AND active
           ORDER BY joined_at, operator_id LIMIT 1)
         WHERE id = $2`,
        [time, conversationId],
      );
      // Back in the queue: a new wait starts, which may be alerted again.
      await this.db.run(
        `UPDATE conversations SET queued_at = $1, queue_alerted_at = NULL
         WHERE id = $2 AND assigned_operator_id IS NULL AND status = 'open'`,
        [time, conversationId],
      );
    });
    return this.mustGet(conversationId);
  }

  async assignTo(conversationId: string, operatorId: string): Promise<Conversation> {
    await this.changeMembers(conversationId, async (time, previous) => {
      await this.db.run(UPSERT_MEMBER, [conversationId, operatorId, time]);
      await this.db.run('UPDATE conversations SET assigned_operator_id = $1, updated_at = $2 WHERE id = $3', [
        operatorId,
        time,
        conversationId,
      ]);
      if (previous && previous !== operatorId) await this.db.run(DEACTIVATE_MEMBER, [conversationId, previous, time]);
    });
    return this.mustGet(conversationId);
  }

  /**
   * Runs a change of members in one transaction that first locks the conversation's row. Each later
   * statement reads with a fresh snapshot, so two nodes changing one conversation's members (two
   * operators leaving at once) take turns and each sees the other's change: without the lock, both
   * would pick the new assignee among members the other has just removed.
   */
  private changeMembers(
    conversationId: string,
    change: (time: string, assignee: string | null) => Promise<void>,
  ): Promise<void> {
    return this.db.transaction(async () => {
      const locked = await this.db.one<{ assigned_operator_id: string | null }>(
        'SELECT assigned_operator_id FROM conversations WHERE id = $1 FOR UPDATE',
        [conversationId],
      );
      await change(now(), locked?.assigned_operator_id ?? null);
    });
  }

  async openIdsOfMember(operatorId: string): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT c.id FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.operator_id = $1 AND m.active AND c.status = 'open'`,
      [operatorId],
    );
    return rows.map((row) => row.id);
  }

  async listVisibleTo(operatorId: string): Promise<Conversation[]> {
    const rows = await this.db.query<ConversationRow>(
      `${SELECT} WHERE c.status = 'open' AND (
         EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.operator_id = $1 AND m.active)
         OR (NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.active)
             AND NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id
               AND m.operator_id = $1 AND m.left_at IS NOT NULL)))
       ORDER BY activity_at DESC, c.id DESC`,
      [operatorId],
    );
    return rows.map(conversation);
  }

  async openCounts(operatorIds: readonly string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<{ operator_id: string; n: number }>(
      `SELECT m.operator_id, count(*) AS n FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.operator_id = ANY($1::text[]) AND m.active AND c.status = 'open' GROUP BY m.operator_id`,
      [[...operatorIds]],
    );
    const counts = new Map(rows.map((row) => [row.operator_id, row.n]));
    return new Map(operatorIds.map((id) => [id, counts.get(id) ?? 0]));
  }

  async unreadCount(conversationId: string, operatorId: string, upToSeq?: number): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM messages WHERE conversation_id = $1 AND author_kind = 'visitor'
       AND seq > coalesce((SELECT last_read_seq FROM conversation_members
                           WHERE conversation_id = $1 AND operator_id = $2), 0)
       AND seq <= $3::bigint`,
      [conversationId, operatorId, upToSeq ?? Number.MAX_SAFE_INTEGER],
    );
    return row?.n ?? 0;
  }

  async markRead(conversationId: string, operatorId: string, seq: number): Promise<void> {
    await this.db.run(
      `INSERT INTO conversation_members (conversation_id, operator_id, joined_at, last_read_seq, active)
       VALUES ($1, $2, $3, $4, false)
       ON CONFLICT (conversation_id, operator_id)
       DO UPDATE SET last_read_seq = greatest(conversation_members.last_read_seq, excluded.last_read_seq)`,
      [conversationId, operatorId, now(), seq],
    );
  }

  async close(conversationId: string): Promise<boolean> {
    const changed = await this.db.run(
      "UPDATE conversations SET status = 'closed', closed_at = $1, updated_at = $1 WHERE id = $2 AND status = 'open'",
      [now(), conversationId],
    );
    return changed === 1;
  }

  async queued(limit: number): Promise<Conversation[]> {
    const rows = await this.db.query<ConversationRow>(
      `${SELECT} WHERE c.status = 'open' AND c.assigned_operator_id IS NULL ORDER BY c.queued_at, c.id LIMIT $1`,
      [limit],
    );
    return rows.map(conversation);
  }

  async byVisitor(visitorId: string): Promise<Conversation[]> {
    const rows = await this.db.query<ConversationRow>(
      `${SELECT} WHERE c.visitor_id = $1 ORDER BY c.created_at DESC, c.id DESC`,
      [visitorId],
    );
    return rows.map(conversation);
  }

  async dueQueueAlerts(): Promise<Conversation[]> {
    // The database's clock, as on SQLite: every node asks against the same one.
    const rows = await this.db.query<ConversationRow>(
      `${SELECT} JOIN sites s ON s.id = c.site_id
       WHERE c.status = 'open' AND c.assigned_operator_id IS NULL AND c.queue_alerted_at IS NULL
         AND extract(epoch FROM now() - c.queued_at) > s.queue_alert_seconds
       ORDER BY c.queued_at, c.id`,
    );
    return rows.map(conversation);
  }

  async markQueueAlerted(conversationId: string, queuedAt: string): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE conversations SET queue_alerted_at = $1
       WHERE id = $2 AND queued_at = $3 AND queue_alerted_at IS NULL AND status = 'open' AND assigned_operator_id IS NULL`,
      [now(), conversationId, queuedAt],
    );
    return changed === 1;
  }

  private async mustGet(id: string): Promise<Conversation> {
    const found = await this.byId(id);
    if (!found) throw new Error(`conversation ${id} not found`);
    return found;
  }
}
