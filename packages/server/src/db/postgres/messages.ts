// Messages in PostgreSQL: each append one transaction that takes the conversation's next seq from its
// row, so that appends on any number of nodes get gap-free seqs; idempotent on the sender's client id.

import type { Author, Message, SystemEvent } from '@livechat/protocol';
import { ConversationNotOpenError, type MessageRepository, type NewMessage } from '../../conversations/messages.ts';
import type { TranscriptLine } from '../../conversations/transcript.ts';
import type { Sender } from '../../files/repository.ts';
import { newId, now } from '../../ids.ts';
import { isUniqueViolation, type PgDb } from './connection.ts';
import { MessageAttachments } from './message-attachments.ts';
import { type MessageRow, COLUMNS, message } from '../rows/messages.ts';

/** Whose uploads a message may take: the visitor's on the conversation's site, or the operator's. */
function senderOf(author: Author, siteId: string): Sender | null {
  if (author.kind === 'visitor' && author.id) return { kind: 'visitor', visitorId: author.id, siteId };
  if (author.kind === 'operator' && author.id) return { kind: 'operator', operatorId: author.id };
  return null;
}

type Appended = { message: Message; duplicate: boolean };

/** A new message's columns after its conversation and seq, in the order of COLUMNS. */
const newValues = (input: NewMessage) => [
  newId(),
  input.author.kind,
  input.author.id,
  input.author.name,
  input.body,
  input.visibility,
  input.clientId,
  now(),
  input.systemEvent ?? null,
];

/**
 * `existing` finds the same send stored before (a retry); only without one does `next` take the seq,
 * and only an open conversation gives one. No row back: the conversation is not open.
 */
const APPEND_PLAIN = `
  WITH existing AS (
    SELECT ${COLUMNS} FROM messages
    WHERE conversation_id = $1::text AND author_kind = $3::text AND author_id IS NOT DISTINCT FROM $4::text
      AND client_id = $8::text
  ), next AS (
    UPDATE conversations SET last_seq = last_seq + 1
    WHERE id = $1::text AND status = 'open' AND NOT EXISTS (SELECT 1 FROM existing)
    RETURNING last_seq
  ), added AS (
    INSERT INTO messages (${COLUMNS})
    SELECT $1::text, next.last_seq, $2::text, $3::text, $4::text, $5::text, $6::text, $7::text, $8::text,
      $9::timestamptz, $10::text
    FROM next
    RETURNING ${COLUMNS}
  )
  SELECT false AS duplicate, ${COLUMNS} FROM added
  UNION ALL
  SELECT true AS duplicate, ${COLUMNS} FROM existing`;

export class PostgresMessageRepository implements MessageRepository {
  private readonly attachments: MessageAttachments;

  constructor(private readonly db: PgDb) {
    this.attachments = new MessageAttachments(db);
  }

  /** Resolves once the message is committed, so an ack sent after it means "stored". */
  async append(input: NewMessage): Promise<Appended> {
    try {
      // Without files, one statement is the whole append: a single round trip, a transaction of its own
      // unless the caller has one.
      if ((input.attachmentIds ?? []).length === 0) return await this.appendPlain(input);
      return await this.db.transaction(() => this.appendWithFiles(input));
    } catch (error) {
      // The same client id sent twice at once (a retry on another node): the later insert hits the
      // unique index once the earlier one commits, and is rolled back, its seq with it. Its answer is
      // the earlier message.
      if (input.clientId !== null && isUniqueViolation(error, 'messages_by_client_id')) {
        const stored = await this.byClientId(input, input.clientId);
        if (stored) return { message: await this.one(stored), duplicate: true };
      }
      throw error;
    }
  }

  /**
   * The message sent before with this client id, or the next seq taken from the conversation's row and
   * the message stored under it, in one statement. The row lock the UPDATE takes makes appends to one
   * conversation, from any node, wait for each other until commit.
   */
  private async appendPlain(input: NewMessage): Promise<Appended> {
    const row = await this.db.one<MessageRow & { duplicate: boolean }>(APPEND_PLAIN, [
      input.conversationId,
      ...newValues(input),
    ]);
    if (!row) throw new ConversationNotOpenError(input.conversationId);
    const { duplicate, ...stored } = row;
    return { message: duplicate ? await this.one(stored) : message(stored), duplicate };
  }

  /** With files, which must be the sender's and free, checked in the append's transaction. */
  private async appendWithFiles(input: NewMessage): Promise<Appended> {
    if (input.clientId !== null) {
      const existing = await this.byClientId(input, input.clientId);
      // The same send again: its uploads are taken by this very message, which is no refusal.
      if (existing) return { message: await this.one(existing), duplicate: true };
    }
    // The row lock this takes makes appends to one conversation, from any node, wait for each other
    // until commit; a rollback gives the seq back, so none is skipped.
    const open = await this.db.one<{ last_seq: number; site_id: string }>(
      `UPDATE conversations SET last_seq = last_seq + 1 WHERE id = $1 AND status = 'open'
       RETURNING last_seq, site_id`,
      [input.conversationId],
    );
    if (!open) throw new ConversationNotOpenError(input.conversationId);
    const attachmentIds = input.attachmentIds ?? [];
    await this.attachments.check(senderOf(input.author, open.site_id), attachmentIds);
    const row = await this.db.one<MessageRow>(
      `INSERT INTO messages (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [input.conversationId, open.last_seq, ...newValues(input)],
    );
    if (!row) throw new Error('the inserted message came back empty');
    await this.attachments.attach(row.id, row.conversation_id, attachmentIds);
    return { message: await this.one(row), duplicate: false };
  }

  private byClientId(input: NewMessage, clientId: string): Promise<MessageRow | undefined> {
    return this.db.one<MessageRow>(
      `SELECT ${COLUMNS} FROM messages
       WHERE conversation_id = $1 AND author_kind = $2 AND author_id IS NOT DISTINCT FROM $3 AND client_id = $4`,
      [input.conversationId, input.author.kind, input.author.id, clientId],
    );
  }

  async after(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    const rows = await this.db.query<MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = $1 AND seq > $2::bigint ORDER BY seq LIMIT $3`,
      [conversationId, afterSeq, limit],
    );
    return this.withAttachments(rows.map(message));
  }

  async checkAttachments(sender: Sender, ids: readonly string[], clientId: string): Promise<void> {
    await this.attachments.check(sender, ids, clientId);
  }

  /** Adds their attachments to a batch of messages, in one query per conversation. */
  private async withAttachments(messages: Message[]): Promise<Message[]> {
    const byMessage = await this.attachments.of(messages);
    if (byMessage.size === 0) return messages;
    return messages.map((m) => {
      const attachments = byMessage.get(m.id);
      return attachments ? { ...m, attachments } : m;
    });
  }

  async transcriptLines(conversationId: string, limit: number): Promise<TranscriptLine[]> {
    const rows = await this.db.query<{ author_name: string; body: string; id: string }>(
      `SELECT author_name, body, id FROM messages WHERE conversation_id = $1 AND visibility = 'public'
         AND author_kind <> 'system' ORDER BY seq LIMIT $2`,
      [conversationId, limit],
    );
    const files = await this.attachments.of(rows.map(({ id }) => ({ id, conversationId })));
    return rows.map(({ author_name: authorName, body, id }) => {
      const attached = files.get(id);
      return attached ? { authorName, body, files: attached.map((file) => file.name) } : { authorName, body };
    });
  }

  async ofVisitorByClientId(visitorId: string, clientId: string): Promise<Message | null> {
    const row = await this.db.one<MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE author_kind = 'visitor' AND author_id = $1 AND client_id = $2
         AND conversation_id IN (SELECT id FROM conversations WHERE visitor_id = $1) LIMIT 1`,
      [visitorId, clientId],
    );
    return row ? this.one(row) : null;
  }

  async hasSystemLine(conversationId: string, event: SystemEvent, authorId: string): Promise<boolean> {
    const row = await this.db.one(
      `SELECT 1 AS found FROM messages WHERE conversation_id = $1 AND author_kind = 'system' AND system_event = $2
         AND author_id = $3 LIMIT 1`,
      [conversationId, event, authorId],
    );
    return row !== undefined;
  }

  async last(conversationId: string): Promise<Message | null> {
    const row = await this.db.one<MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = $1 ORDER BY seq DESC LIMIT 1`,
      [conversationId],
    );
    return row ? this.one(row) : null;
  }

  async lastWritten(conversationId: string): Promise<Message | null> {
    const row = await this.db.one<MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = $1 AND author_kind <> 'system' ORDER BY seq DESC LIMIT 1`,
      [conversationId],
    );
    return row ? message(row) : null;
  }

  private async one(row: MessageRow): Promise<Message> {
    const single = message(row);
    return (await this.withAttachments([single]))[0] ?? single;
  }
}
