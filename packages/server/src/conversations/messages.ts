// Messages: appended with a gap-free per-conversation seq, idempotent on the sender's client id.

import type { Author, Message, Visibility } from '@livechat/protocol';
import type { Db } from '../db/connection.ts';
import { newId, now } from '../ids.ts';

export interface NewMessage {
  conversationId: string;
  author: Author;
  body: string;
  visibility: Visibility;
  clientId: string | null;
}

export interface MessageRepository {
  /** Stores the message durably; a repeated client id returns the stored one with `duplicate`. */
  append(input: NewMessage): Promise<{ message: Message; duplicate: boolean }>;
  /** Messages with seq > afterSeq, oldest first, at most `limit`. */
  after(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  last(conversationId: string): Promise<Message | null>;
}

interface MessageRow {
  conversation_id: string;
  seq: number;
  id: string;
  author_kind: Author['kind'];
  author_id: string | null;
  author_name: string;
  body: string;
  visibility: Visibility;
  client_id: string | null;
  created_at: string;
}

const COLUMNS =
  'conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, client_id, created_at';

export const message = (row: MessageRow): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  seq: row.seq,
  clientId: row.client_id,
  author: { kind: row.author_kind, id: row.author_id, name: row.author_name },
  body: row.body,
  visibility: row.visibility,
  createdAt: row.created_at,
});

export class SqliteMessageRepository implements MessageRepository {
  private readonly byClientId;
  private readonly nextSeq;
  private readonly insert;
  private readonly selectAfter;
  private readonly selectLast;
  private readonly appendTx;

  constructor(db: Db) {
    this.byClientId = db.prepare<[string, string, string | null, string], MessageRow>(
      `SELECT ${COLUMNS} FROM messages
       WHERE conversation_id = ? AND author_kind = ? AND author_id IS ? AND client_id = ?`,
    );
    this.nextSeq = db.prepare<[string, string], { last_seq: number }>(
      'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ? WHERE id = ? RETURNING last_seq',
    );
    this.insert = db.prepare(`INSERT INTO messages (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.selectAfter = db.prepare<[string, number, number], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    );
    this.selectLast = db.prepare<[string], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1`,
    );
    this.appendTx = db.transaction((input: NewMessage): { message: Message; duplicate: boolean } => {
      if (input.clientId !== null) {
        const existing = this.byClientId.get(input.conversationId, input.author.kind, input.author.id, input.clientId);
        if (existing) return { message: message(existing), duplicate: true };
      }
      const createdAt = now();
      const next = this.nextSeq.get(createdAt, input.conversationId);
      if (!next) throw new Error(`conversation ${input.conversationId} not found`);
      const row: MessageRow = {
        conversation_id: input.conversationId,
        seq: next.last_seq,
        id: newId(),
        author_kind: input.author.kind,
        author_id: input.author.id,
        author_name: input.author.name,
        body: input.body,
        visibility: input.visibility,
        client_id: input.clientId,
        created_at: createdAt,
      };
      this.insert.run(
        row.conversation_id,
        row.seq,
        row.id,
        row.author_kind,
        row.author_id,
        row.author_name,
        row.body,
        row.visibility,
        row.client_id,
        row.created_at,
      );
      return { message: message(row), duplicate: false };
    });
  }

  async append(input: NewMessage) {
    return this.appendTx.immediate(input);
  }

  async after(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.selectAfter.all(conversationId, afterSeq, limit).map(message);
  }

  async last(conversationId: string): Promise<Message | null> {
    const row = this.selectLast.get(conversationId);
    return row ? message(row) : null;
  }
}
