// Conversations and their operator members in SQLite: the open conversation per visitor, assignment, reads.

import type { Conversation, ConversationRepository, OpenRef } from '../../conversations/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { LAST_SEQ_OF_C } from './messages.ts';
import { type ConversationRow, conversation } from '../rows/conversations.ts';

// The last seq and the last activity come from the conversation's newest message (a seek on the
// messages' primary key); a message does not write its conversation's row.
export const SELECT = `SELECT c.id, c.site_id, c.visitor_id, c.status, c.assigned_operator_id, c.created_at,
  c.closed_at, c.queued_at, c.previous_conversation_id,
  ${LAST_SEQ_OF_C} AS last_seq,
  max(c.updated_at, coalesce((SELECT msg.created_at FROM messages msg WHERE msg.conversation_id = c.id
    ORDER BY msg.seq DESC LIMIT 1), '')) AS activity_at,
  (SELECT group_concat(m.operator_id) FROM conversation_members m
    WHERE m.conversation_id = c.id AND m.active = 1) AS member_ids,
  (SELECT group_concat(m.operator_id) FROM conversation_members m
    WHERE m.conversation_id = c.id AND m.active = 0 AND m.left_at IS NOT NULL) AS left_ids
  FROM conversations c`;

export class SqliteConversationRepository implements ConversationRepository {
  private readonly insertOpen;
  private readonly selectOpen;
  private readonly selectOpenRef;
  private readonly selectById;
  private readonly upsertMember;
  private readonly assignIfUnassigned;
  private readonly deactivateMember;
  private readonly reassign;
  private readonly selectVisible;
  private readonly selectOpenOfMember;
  private readonly countOpen;
  private readonly countUnread;
  private readonly upsertRead;
  private readonly requeue;
  private readonly setAssignee;
  private readonly closeOpen;
  private readonly selectQueued;
  private readonly selectByVisitor;
  private readonly selectDueAlerts;
  private readonly setAlerted;
  private readonly joinTx;
  private readonly leaveTx;
  private readonly assignTx;

  constructor(db: Db) {
    this.insertOpen = db.prepare(
      `INSERT INTO conversations (id, site_id, visitor_id, status, created_at, updated_at, queued_at,
         previous_conversation_id)
       VALUES (?, ?, ?, 'open', ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.selectOpen = db.prepare<[string, string], ConversationRow>(
      `${SELECT} WHERE c.site_id = ? AND c.visitor_id = ? AND c.status = 'open'`,
    );
    this.selectOpenRef = db.prepare<[string, string], { id: string; last_seq: number }>(
      `SELECT c.id, ${LAST_SEQ_OF_C} AS last_seq
       FROM conversations c WHERE c.site_id = ? AND c.visitor_id = ? AND c.status = 'open'`,
    );
    this.selectById = db.prepare<[string], ConversationRow>(`${SELECT} WHERE c.id = ?`);
    this.upsertMember = db.prepare(
      `INSERT INTO conversation_members (conversation_id, operator_id, joined_at, active) VALUES (?, ?, ?, 1)
       ON CONFLICT (conversation_id, operator_id) DO UPDATE SET active = 1, left_at = NULL, joined_at = excluded.joined_at`,
    );
    this.assignIfUnassigned = db.prepare(
      `UPDATE conversations SET assigned_operator_id = ?, updated_at = ?
       WHERE id = ? AND assigned_operator_id IS NULL`,
    );
    this.deactivateMember = db.prepare(
      `INSERT INTO conversation_members (conversation_id, operator_id, joined_at, active, left_at) VALUES (@conversationId, @operatorId, @time, 0, @time)
       ON CONFLICT (conversation_id, operator_id) DO UPDATE SET active = 0, left_at = excluded.left_at`,
    );
    // The longest-standing remaining member takes over; none left means back to the queue.
    this.reassign = db.prepare(
      `UPDATE conversations SET updated_at = ?, assigned_operator_id = (
         SELECT operator_id FROM conversation_members WHERE conversation_id = conversations.id AND active = 1
         ORDER BY joined_at, operator_id LIMIT 1)
       WHERE id = ?`,
    );
    // Back in the queue: a new wait starts, which may be alerted again.
    this.requeue = db.prepare(
      `UPDATE conversations SET queued_at = ?, queue_alerted_at = NULL
       WHERE id = ? AND assigned_operator_id IS NULL AND status = 'open'`,
    );
    this.setAssignee = db.prepare('UPDATE conversations SET assigned_operator_id = ?, updated_at = ? WHERE id = ?');
    this.closeOpen = db.prepare(
      "UPDATE conversations SET status = 'closed', closed_at = @time, updated_at = @time WHERE id = @id AND status = 'open'",
    );
    this.selectQueued = db.prepare<[number], ConversationRow>(
      `${SELECT} INDEXED BY conversations_queued_oldest WHERE c.status = 'open' AND c.assigned_operator_id IS NULL
       ORDER BY c.queued_at, c.id LIMIT ?`,
    );
    this.selectByVisitor = db.prepare<[string], ConversationRow>(
      `${SELECT} WHERE c.visitor_id = ? ORDER BY c.created_at DESC, c.id DESC`,
    );
    this.selectDueAlerts = db.prepare<[], ConversationRow>(
      `${SELECT} JOIN sites s ON s.id = c.site_id
       WHERE c.status = 'open' AND c.assigned_operator_id IS NULL AND c.queue_alerted_at IS NULL
         AND (julianday('now') - julianday(c.queued_at)) * 86400 > s.queue_alert_seconds
       ORDER BY c.queued_at, c.id`,
    );
    this.setAlerted = db.prepare(
      `UPDATE conversations SET queue_alerted_at = ?
       WHERE id = ? AND queued_at = ? AND queue_alerted_at IS NULL AND status = 'open' AND assigned_operator_id IS NULL`,
    );
    this.selectOpenOfMember = db.prepare<[string], { id: string }>(
      `SELECT c.id FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.operator_id = ? AND m.active = 1 AND c.status = 'open'`,
    );
    this.selectVisible = db.prepare<[{ operatorId: string }], ConversationRow>(
      `${SELECT} WHERE c.status = 'open' AND (
         EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.operator_id = @operatorId AND m.active = 1)
         OR (NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id AND m.active = 1)
             AND NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id
               AND m.operator_id = @operatorId AND m.left_at IS NOT NULL)))
       ORDER BY activity_at DESC`,
    );
    this.countOpen = db.prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
       WHERE m.operator_id = ? AND m.active = 1 AND c.status = 'open'`,
    );
    this.countUnread = db.prepare<{ conversationId: string; operatorId: string; upToSeq: number }, { n: number }>(
      `SELECT count(*) AS n FROM messages WHERE conversation_id = @conversationId AND author_kind = 'visitor'
       AND seq > coalesce((SELECT last_read_seq FROM conversation_members
                           WHERE conversation_id = @conversationId AND operator_id = @operatorId), 0)
       AND seq <= @upToSeq`,
    );
    this.upsertRead = db.prepare(
      `INSERT INTO conversation_members (conversation_id, operator_id, joined_at, last_read_seq, active)
       VALUES (?, ?, ?, ?, 0)
       ON CONFLICT (conversation_id, operator_id) DO UPDATE SET last_read_seq = max(last_read_seq, excluded.last_read_seq)`,
    );
    this.joinTx = db.transaction((conversationId: string, operatorId: string) => {
      const time = now();
      this.upsertMember.run(conversationId, operatorId, time);
      this.assignIfUnassigned.run(operatorId, time, conversationId);
    });
    this.leaveTx = db.transaction((conversationId: string, operatorId: string) => {
      const time = now();
      this.deactivateMember.run({ conversationId, operatorId, time });
      this.reassign.run(time, conversationId);
      this.requeue.run(time, conversationId);
    });
    this.assignTx = db.transaction((conversationId: string, operatorId: string) => {
      const time = now();
      const previous = this.selectById.get(conversationId)?.assigned_operator_id ?? null;
      this.upsertMember.run(conversationId, operatorId, time);
      this.setAssignee.run(operatorId, time, conversationId);
      if (previous && previous !== operatorId)
        this.deactivateMember.run({ conversationId, operatorId: previous, time });
    });
  }

  async findOrCreateOpen(siteId: string, visitorId: string, previousId?: string) {
    const time = now();
    const created = this.insertOpen.run(newId(), siteId, visitorId, time, time, time, previousId ?? null).changes === 1;
    const row = this.selectOpen.get(siteId, visitorId);
    if (!row) throw new Error('open conversation vanished right after creation');
    return { conversation: conversation(row), created };
  }

  async openByVisitor(siteId: string, visitorId: string): Promise<Conversation | null> {
    const row = this.selectOpen.get(siteId, visitorId);
    return row ? conversation(row) : null;
  }

  async openRefByVisitor(siteId: string, visitorId: string): Promise<OpenRef | null> {
    const row = this.selectOpenRef.get(siteId, visitorId);
    return row ? { id: row.id, lastSeq: row.last_seq } : null;
  }

  async byId(id: string): Promise<Conversation | null> {
    const row = this.selectById.get(id);
    return row ? conversation(row) : null;
  }

  async join(conversationId: string, operatorId: string): Promise<Conversation> {
    this.joinTx(conversationId, operatorId);
    return this.mustGet(conversationId);
  }

  async leave(conversationId: string, operatorId: string): Promise<Conversation> {
    this.leaveTx(conversationId, operatorId);
    return this.mustGet(conversationId);
  }

  async openIdsOfMember(operatorId: string): Promise<string[]> {
    return this.selectOpenOfMember.all(operatorId).map((row) => row.id);
  }

  async listVisibleTo(operatorId: string): Promise<Conversation[]> {
    return this.selectVisible.all({ operatorId }).map(conversation);
  }

  async openCounts(operatorIds: readonly string[]): Promise<Map<string, number>> {
    return new Map(operatorIds.map((id) => [id, this.countOpen.get(id)?.n ?? 0]));
  }

  async unreadCount(conversationId: string, operatorId: string, upToSeq?: number): Promise<number> {
    return this.countUnread.get({ conversationId, operatorId, upToSeq: upToSeq ?? Number.MAX_SAFE_INTEGER })?.n ?? 0;
  }

  async markRead(conversationId: string, operatorId: string, seq: number): Promise<void> {
    this.upsertRead.run(conversationId, operatorId, now(), seq);
  }

  async close(conversationId: string): Promise<boolean> {
    return this.closeOpen.run({ id: conversationId, time: now() }).changes === 1;
  }

  async assignTo(conversationId: string, operatorId: string): Promise<Conversation> {
    this.assignTx.immediate(conversationId, operatorId);
    return this.mustGet(conversationId);
  }

  async queued(limit: number): Promise<Conversation[]> {
    return this.selectQueued.all(limit).map(conversation);
  }

  async byVisitor(visitorId: string): Promise<Conversation[]> {
    return this.selectByVisitor.all(visitorId).map(conversation);
  }

  async dueQueueAlerts(): Promise<Conversation[]> {
    return this.selectDueAlerts.all().map(conversation);
  }

  async markQueueAlerted(conversationId: string, queuedAt: string): Promise<boolean> {
    return this.setAlerted.run(now(), conversationId, queuedAt).changes === 1;
  }

  private mustGet(id: string): Conversation {
    const row = this.selectById.get(id);
    if (!row) throw new Error(`conversation ${id} not found`);
    return conversation(row);
  }
}
