// The outbox in SQLite: every outgoing email is stored here first, then claimed, sent and marked.

import type { OutboxEmail, OutboxKind, OutboxStatus } from '@livechat/protocol';
import type { OutgoingEmail, ClaimedEmail, OutboxRepository } from '../../mail/outbox.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { claimed, email, type OutboxRow } from '../rows/outbox.ts';

const COLUMNS = `id, kind, conversation_id, to_address, from_name, reply_to, subject, text, created_at, status, attempts, last_error,
  next_attempt_at, sent_at`;

export class SqliteOutboxRepository implements OutboxRepository {
  private readonly insert;
  private readonly selectNewest;
  private readonly selectNewestOf;
  private readonly selectById;
  private readonly selectDue;
  private readonly take;
  private readonly setSent;
  private readonly setAttemptFailed;
  private readonly setRetry;
  private readonly countVisitorKind;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO email_outbox (${COLUMNS})
       VALUES (@id, @kind, @conversation_id, @to_address, @from_name, @reply_to, @subject, @text, @created_at, @status, @attempts,
         @last_error, @next_attempt_at, @sent_at)`,
    );
    this.selectNewest = db.prepare<[number], OutboxRow>(
      `SELECT ${COLUMNS} FROM email_outbox ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    );
    this.selectNewestOf = db.prepare<[string, number], OutboxRow>(
      `SELECT ${COLUMNS} FROM email_outbox INDEXED BY email_outbox_by_status_time WHERE status = ?
       ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    );
    this.selectById = db.prepare<[string], OutboxRow>(`SELECT ${COLUMNS} FROM email_outbox WHERE id = ?`);
    this.selectDue = db.prepare<[string, number], { id: string }>(
      `SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at LIMIT ?`,
    );
    this.take = db.prepare<{ id: string; time: string; holdUntil: string }, OutboxRow>(
      `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = @holdUntil
       WHERE id = @id AND status = 'pending' AND next_attempt_at <= @time RETURNING ${COLUMNS}`,
    );
    this.setSent = db.prepare(
      "UPDATE email_outbox SET status = 'sent', sent_at = ?, last_error = NULL, next_attempt_at = NULL WHERE id = ?",
    );
    this.setAttemptFailed = db.prepare(
      `UPDATE email_outbox SET last_error = @error, next_attempt_at = @next,
         status = CASE WHEN @next IS NULL THEN 'failed' ELSE 'pending' END
       WHERE id = @id AND status = 'pending'`,
    );
    this.setRetry = db.prepare<[string, string], OutboxRow>(
      `UPDATE email_outbox SET status = 'pending', attempts = 0, next_attempt_at = ?
       WHERE id = ? AND status = 'failed' RETURNING ${COLUMNS}`,
    );
    this.countVisitorKind = db.prepare<[string, string, string], { n: number }>(
      `SELECT count(*) AS n FROM email_outbox o JOIN conversations c ON c.id = o.conversation_id
       WHERE o.kind = ? AND c.visitor_id = ? AND o.created_at > ?`,
    );
  }

  async countForVisitor(kind: OutboxKind, visitorId: string, since: string): Promise<number> {
    return this.countVisitorKind.get(kind, visitorId, since)?.n ?? 0;
  }

  async add(input: OutgoingEmail, status: 'pending' | 'kept'): Promise<OutboxEmail> {
    const time = now();
    const row: OutboxRow = {
      id: newId(),
      kind: input.kind,
      conversation_id: input.conversationId ?? null,
      to_address: input.to,
      from_name: input.fromName ?? null,
      reply_to: input.replyTo ?? null,
      subject: input.subject,
      text: input.text,
      created_at: time,
      status,
      attempts: 0,
      last_error: null,
      next_attempt_at: status === 'pending' ? time : null,
      sent_at: null,
    };
    this.insert.run(row);
    return email(row);
  }

  async list(limit: number, status?: OutboxStatus): Promise<OutboxEmail[]> {
    const rows = status ? this.selectNewestOf.all(status, limit) : this.selectNewest.all(limit);
    return rows.map(email);
  }

  async byId(id: string): Promise<OutboxEmail | null> {
    const row = this.selectById.get(id);
    return row ? email(row) : null;
  }

  async due(time: string, limit: number): Promise<string[]> {
    return this.selectDue.all(time, limit).map((row) => row.id);
  }

  async claim(id: string, time: string, holdUntil: string): Promise<ClaimedEmail | null> {
    const row = this.take.get({ id, time, holdUntil });
    if (!row) return null;
    return claimed(row);
  }

  async markSent(id: string, time: string): Promise<void> {
    this.setSent.run(time, id);
  }

  async markAttemptFailed(id: string, error: string, nextAttemptAt: string | null): Promise<void> {
    this.setAttemptFailed.run({ id, error, next: nextAttemptAt });
  }

  async retry(id: string, time: string): Promise<OutboxEmail | null> {
    const row = this.setRetry.get(time, id);
    return row ? email(row) : null;
  }
}
