// Conversations and their operator members: the open conversation per visitor, assignment, reads.

import type { ConversationStatus } from '@livechat/protocol';
import type { Db } from '../db/connection.ts';
import { newId, now } from '../ids.ts';
import { LAST_SEQ_OF_C } from './messages.ts';

export interface Conversation {
  id: string;
  siteId: string;
  visitorId: string;
  status: ConversationStatus;
  assignedOperatorId: string | null;
  lastSeq: number;
  /** Operators currently in the conversation; empty while it waits in the queue. */
  memberIds: string[];
  /** Operators who left it with /leave and have not come back: they no longer see it. */
  leftIds: string[];
  createdAt: string;
  updatedAt: string;
}

export interface OpenRef {
  id: string;
  lastSeq: number;
}

export interface ConversationRepository {
  /** The visitor's open conversation on the site, created if there is none (race-safe). */
  findOrCreateOpen(siteId: string, visitorId: string): Promise<{ conversation: Conversation; created: boolean }>;
  openByVisitor(siteId: string, visitorId: string): Promise<Conversation | null>;
  /** The same conversation's id and last seq only, for the paths that need no more (a resume, a page view). */
  openRefByVisitor(siteId: string, visitorId: string): Promise<OpenRef | null>;
  byId(id: string): Promise<Conversation | null>;
  /** Adds an operator as an active member; the first member becomes the assignee. */
  join(conversationId: string, operatorId: string): Promise<Conversation>;
  /** Removes an operator; the assignment passes to a remaining member, or to the queue. */
  leave(conversationId: string, operatorId: string): Promise<Conversation>;
  /** Open conversations the operator is in, plus the queue. */
  listVisibleTo(operatorId: string): Promise<Conversation[]>;
  /** Open conversations the operator is a member of. */
  openIdsOfMember(operatorId: string): Promise<string[]>;
  /** Number of open conversations each operator is an active member of. */
  openCounts(operatorIds: readonly string[]): Promise<Map<string, number>>;
  /** Visitor messages the operator has not read, counting those up to `upToSeq` only when given. */
  unreadCount(conversationId: string, operatorId: string, upToSeq?: number): Promise<number>;
  markRead(conversationId: string, operatorId: string, seq: number): Promise<void>;
}

interface ConversationRow {
  id: string;
  site_id: string;
  visitor_id: string;
  status: ConversationStatus;
  assigned_operator_id: string | null;
  last_seq: number;
  created_at: string;
  /** The later of the row's own last change and its newest message. */
  activity_at: string;
  member_ids: string | null;
  left_ids: string | null;
}

// The last seq and the last activity come from the conversation's newest message (a seek on the
// messages' primary key); a message does not write its conversation's row.
const SELECT = `SELECT c.id, c.site_id, c.visitor_id, c.status, c.assigned_operator_id, c.created_at,
  ${LAST_SEQ_OF_C} AS last_seq,
  max(c.updated_at, coalesce((SELECT msg.created_at FROM messages msg WHERE msg.conversation_id = c.id
    ORDER BY msg.seq DESC LIMIT 1), '')) AS activity_at,
  (SELECT group_concat(m.operator_id) FROM conversation_members m
    WHERE m.conversation_id = c.id AND m.active = 1) AS member_ids,
  (SELECT group_concat(m.operator_id) FROM conversation_members m
    WHERE m.conversation_id = c.id AND m.active = 0 AND m.left_at IS NOT NULL) AS left_ids
  FROM conversations c`;

const conversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  siteId: row.site_id,
  visitorId: row.visitor_id,
  status: row.status,
  assignedOperatorId: row.assigned_operator_id,
  lastSeq: row.last_seq,
  memberIds: row.member_ids ? row.member_ids.split(',').sort() : [],
  leftIds: row.left_ids ? row.left_ids.split(',').sort() : [],
  createdAt: row.created_at,
  updatedAt: row.activity_at,
});

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
  private readonly joinTx;
  private readonly leaveTx;

  constructor(db: Db) {
    this.insertOpen = db.prepare(
      `INSERT INTO conversations (id, site_id, visitor_id, status, created_at, updated_at)
       VALUES (?, ?, ?, 'open', ?, ?) ON CONFLICT DO NOTHING`,
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
    });
  }

  async findOrCreateOpen(siteId: string, visitorId: string) {
    const time = now();
    const created = this.insertOpen.run(newId(), siteId, visitorId, time, time).changes === 1;
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

  private mustGet(id: string): Conversation {
    const row = this.selectById.get(id);
    if (!row) throw new Error(`conversation ${id} not found`);
    return conversation(row);
  }
}
