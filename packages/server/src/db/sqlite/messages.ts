// Messages in SQLite: appended with a gap-free per-conversation seq, idempotent on the sender's client
// id, committed in groups so that one fsync covers every message that arrived in the same moment.

import type { Author, Message, SystemEvent } from '@livechat/protocol';
import { ConversationNotOpenError, type MessageRepository, type NewMessage } from '../../conversations/messages.ts';
import type { TranscriptLine } from '../../conversations/transcript.ts';
import type { Sender } from '../../files/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { MessageAttachments } from './message-attachments.ts';
import { type MessageRow, COLUMNS, message } from '../rows/messages.ts';

/**
 * SQL for the last seq of conversation `c` (0 before its first message): a seek to the end of its
 * messages' primary key. The conversation's row does not keep it, so that a message writes no other row.
 */
export const LAST_SEQ_OF_C = '(SELECT coalesce(max(msg.seq), 0) FROM messages msg WHERE msg.conversation_id = c.id)';

/** Whose uploads a message may take: the visitor's on the conversation's site, or the operator's. */
function senderOf(author: Author, siteId: string): Sender | null {
  if (author.kind === 'visitor' && author.id) return { kind: 'visitor', visitorId: author.id, siteId };
  if (author.kind === 'operator' && author.id) return { kind: 'operator', operatorId: author.id };
  return null;
}

type Appended = { message: Message; duplicate: boolean };

interface PendingAppend {
  input: NewMessage;
  resolve: (appended: Appended) => void;
  reject: (error: unknown) => void;
}

export class SqliteMessageRepository implements MessageRepository {
  /** Appends waiting for the next group commit, in arrival order (which decides their seqs). */
  private pending: PendingAppend[] = [];
  private flushScheduled = false;
  private readonly byClientId;
  private readonly openLastSeq;
  private readonly insert;
  private readonly selectAfter;
  private readonly selectLast;
  private readonly selectLastWritten;
  private readonly selectTranscript;
  private readonly selectSystemLine;
  private readonly selectOfVisitor;
  private readonly attachments: MessageAttachments;
  private readonly appendTx;
  private readonly groupTx;

  constructor(db: Db) {
    this.attachments = new MessageAttachments(db);
    this.byClientId = db.prepare<[string, string, string | null, string], MessageRow>(
      `SELECT ${COLUMNS} FROM messages
       WHERE conversation_id = ? AND author_kind = ? AND author_id IS ? AND client_id = ?`,
    );
    // The conversation's row is only read: the next seq follows the last one in the messages'
    // primary key. Read inside the write transaction, begun IMMEDIATE so that it holds SQLite's
    // write lock from the start: no other append, in this process or another on the same file, can
    // take the same seq.
    this.openLastSeq = db.prepare<[string], { status: string; site_id: string; last_seq: number }>(
      `SELECT c.status, c.site_id, ${LAST_SEQ_OF_C} AS last_seq FROM conversations c WHERE c.id = ?`,
    );
    this.insert = db.prepare(`INSERT INTO messages (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.selectAfter = db.prepare<[string, number, number], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?`,
    );
    // Only the columns a transcript shows (and the id, for its files), as plain arrays: a long
    // conversation is read fast.
    this.selectTranscript = db
      .prepare<[string, number], [string, string, string]>(
        `SELECT author_name, body, id FROM messages WHERE conversation_id = ? AND visibility = 'public'
           AND author_kind <> 'system' ORDER BY seq LIMIT ?`,
      )
      .raw(true);
    this.selectSystemLine = db.prepare<[string, string, string], { found: number }>(
      `SELECT 1 AS found FROM messages WHERE conversation_id = ? AND author_kind = 'system' AND system_event = ?
         AND author_id = ? LIMIT 1`,
    );
    this.selectOfVisitor = db.prepare<{ visitorId: string; clientId: string }, MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE author_kind = 'visitor' AND author_id = @visitorId
         AND client_id = @clientId
         AND conversation_id IN (SELECT id FROM conversations WHERE visitor_id = @visitorId) LIMIT 1`,
    );
    this.selectLast = db.prepare<[string], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY seq DESC LIMIT 1`,
    );
    this.selectLastWritten = db.prepare<[string], MessageRow>(
      `SELECT ${COLUMNS} FROM messages WHERE conversation_id = ? AND author_kind != 'system' ORDER BY seq DESC LIMIT 1`,
    );
    this.appendTx = db.transaction((input: NewMessage): { message: Message; duplicate: boolean } => {
      if (input.clientId !== null) {
        const existing = this.byClientId.get(input.conversationId, input.author.kind, input.author.id, input.clientId);
        // The same send again: its uploads are taken by this very message, which is no refusal.
        if (existing) return { message: this.one(existing), duplicate: true };
      }
      const open = this.openLastSeq.get(input.conversationId);
      if (open?.status !== 'open') throw new ConversationNotOpenError(input.conversationId);
      const attachmentIds = input.attachmentIds ?? [];
      if (attachmentIds.length > 0) this.attachments.check(senderOf(input.author, open.site_id), attachmentIds);
      const createdAt = now();
      const row: MessageRow = {
        conversation_id: input.conversationId,
        seq: open.last_seq + 1,
        id: newId(),
        author_kind: input.author.kind,
        author_id: input.author.id,
        author_name: input.author.name,
        body: input.body,
        visibility: input.visibility,
        client_id: input.clientId,
        created_at: createdAt,
        system_event: input.systemEvent ?? null,
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
        row.system_event,
      );
      if (attachmentIds.length === 0) return { message: message(row), duplicate: false };
      this.attachments.attach(row.id, row.conversation_id, attachmentIds);
      return { message: this.one(row), duplicate: false };
    });
    // Each append runs in its own savepoint inside the group's transaction: one that fails (an
    // unknown conversation) is rolled back alone, and the others still commit together.
    this.groupTx = db.transaction(
      (batch: readonly PendingAppend[]): Array<Appended | { error: unknown }> =>
        batch.map(({ input }) => {
          try {
            return this.appendTx(input);
          } catch (error) {
            return { error };
          }
        }),
    );
  }

  /**
   * Resolves only once the message is committed (with the configured synchronous level), so an ack
   * sent after it still means "stored". The first append of a turn of the event loop commits at
   * once, as a lone message would; appends that arrive later in the same turn (under load: every
   * frame read while that commit was syncing) share one commit at the end of the turn.
   */
  append(input: NewMessage): Promise<Appended> {
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => this.flush());
      try {
        return Promise.resolve(this.appendTx.immediate(input));
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return new Promise((resolve, reject) => this.pending.push({ input, resolve, reject }));
  }

  private flush(): void {
    this.flushScheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let outcomes: Array<Appended | { error: unknown }>;
    try {
      outcomes = this.groupTx.immediate(batch);
    } catch (error) {
      // The commit itself failed: nothing of the group is stored.
      for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome && 'error' in outcome) item.reject(outcome.error);
      else if (outcome) item.resolve(outcome);
    });
  }

  async after(conversationId: string, afterSeq: number, limit: number): Promise<Message[]> {
    return this.withAttachments(this.selectAfter.all(conversationId, afterSeq, limit).map(message));
  }

  async checkAttachments(sender: Sender, ids: readonly string[], clientId: string): Promise<void> {
    this.attachments.check(sender, ids, clientId);
  }

  /** Adds their attachments to a batch of messages, in one query per conversation. */
  private withAttachments(messages: Message[]): Message[] {
    const byMessage = this.attachments.of(messages);
    if (byMessage.size === 0) return messages;
    return messages.map((m) => {
      const attachments = byMessage.get(m.id);
      return attachments ? { ...m, attachments } : m;
    });
  }

  async transcriptLines(conversationId: string, limit: number): Promise<TranscriptLine[]> {
    const rows = this.selectTranscript.all(conversationId, limit);
    const files = this.attachments.of(rows.map(([, , id]) => ({ id, conversationId })));
    return rows.map(([authorName, body, id]) => {
      const attached = files.get(id);
      return attached ? { authorName, body, files: attached.map((file) => file.name) } : { authorName, body };
    });
  }

  async ofVisitorByClientId(visitorId: string, clientId: string): Promise<Message | null> {
    const row = this.selectOfVisitor.get({ visitorId, clientId });
    return row ? this.one(row) : null;
  }

  async hasSystemLine(conversationId: string, event: SystemEvent, authorId: string): Promise<boolean> {
    return this.selectSystemLine.get(conversationId, event, authorId) !== undefined;
  }

  async last(conversationId: string): Promise<Message | null> {
    const row = this.selectLast.get(conversationId);
    return row ? this.one(row) : null;
  }

  private one(row: MessageRow): Message {
    const single = message(row);
    return this.withAttachments([single])[0] ?? single;
  }

  async lastWritten(conversationId: string): Promise<Message | null> {
    const row = this.selectLastWritten.get(conversationId);
    return row ? message(row) : null;
  }
}
