// The outbox in PostgreSQL: every outgoing email is stored here first, then claimed, sent and marked.

import type { OutboxEmail, OutboxKind, OutboxStatus } from '@livechat/protocol';
import { newId, now } from '../../ids.ts';
import type { ClaimedEmail, OutboxRepository, OutgoingEmail } from '../../mail/outbox.ts';
import type { PgDb } from './connection.ts';
import { claimed, email, type OutboxRow } from '../rows/outbox.ts';

const COLUMNS = `id, kind, conversation_id, to_address, from_name, reply_to, subject, text, created_at, status, attempts,
  last_error, next_attempt_at, sent_at`;

export class PostgresOutboxRepository implements OutboxRepository {
  constructor(private readonly db: PgDb) {}

  async add(input: OutgoingEmail, status: 'pending' | 'kept'): Promise<OutboxEmail> {
    const time = now();
    const row = await this.db.one<OutboxRow>(
      `INSERT INTO email_outbox (id, kind, conversation_id, to_address, from_name, reply_to, subject, text, created_at,
         status, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING ${COLUMNS}`,
      [
        newId(),
        input.kind,
        input.conversationId ?? null,
        input.to,
        input.fromName ?? null,
        input.replyTo ?? null,
        input.subject,
        input.text,
        time,
        status,
        status === 'pending' ? time : null,
      ],
    );
    if (!row) throw new Error('the outbox returned no row for the email it stored');
    return email(row);
  }

  async list(limit: number, status?: OutboxStatus): Promise<OutboxEmail[]> {
    // `added` breaks ties between emails stored in the same millisecond, in the order they were stored.
    const rows = status
      ? await this.db.query<OutboxRow>(
          `SELECT ${COLUMNS} FROM email_outbox WHERE status = $1 ORDER BY created_at DESC, added DESC LIMIT $2`,
          [status, limit],
        )
      : await this.db.query<OutboxRow>(
          `SELECT ${COLUMNS} FROM email_outbox ORDER BY created_at DESC, added DESC LIMIT $1`,
          [limit],
        );
    return rows.map(email);
  }

  async byId(id: string): Promise<OutboxEmail | null> {
    const row = await this.db.one<OutboxRow>(`SELECT ${COLUMNS} FROM email_outbox WHERE id = $1`, [id]);
    return row ? email(row) : null;
  }

  async due(time: string, limit: number): Promise<string[]> {
    const rows = await this.db.query<{ id: string }>(
      `SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= $1
       ORDER BY next_attempt_at, added LIMIT $2`,
      [time, limit],
    );
    return rows.map((row) => row.id);
  }

  async claim(id: string, time: string, holdUntil: string): Promise<ClaimedEmail | null> {
    // SKIP LOCKED: a worker on another node that is taking this email right now makes this claim
    // return null at once instead of waiting for it; once its hold is committed, the row is no longer
    // due, so each attempt goes to one worker only.
    const row = await this.db.one<OutboxRow>(
      `UPDATE email_outbox SET attempts = attempts + 1, next_attempt_at = $3
       WHERE id = (SELECT id FROM email_outbox WHERE id = $1 AND status = 'pending' AND next_attempt_at <= $2
                   FOR UPDATE SKIP LOCKED)
       RETURNING ${COLUMNS}`,
      [id, time, holdUntil],
    );
    return row ? claimed(row) : null;
  }

  async markSent(id: string, time: string): Promise<void> {
    await this.db.run(
      "UPDATE email_outbox SET status = 'sent', sent_at = $2, last_error = NULL, next_attempt_at = NULL WHERE id = $1",
      [id, time],
    );
  }

  async markAttemptFailed(id: string, error: string, nextAttemptAt: string | null): Promise<void> {
    await this.db.run(
      `UPDATE email_outbox SET last_error = $2, next_attempt_at = $3::timestamptz,
         status = CASE WHEN $3::timestamptz IS NULL THEN 'failed' ELSE 'pending' END
       WHERE id = $1 AND status = 'pending'`,
      [id, error, nextAttemptAt],
    );
  }

  async retry(id: string, time: string): Promise<OutboxEmail | null> {
    const row = await this.db.one<OutboxRow>(
      `UPDATE email_outbox SET status = 'pending', attempts = 0, next_attempt_at = $2
       WHERE id = $1 AND status = 'failed' RETURNING ${COLUMNS}`,
      [id, time],
    );
    return row ? email(row) : null;
  }

  async countForVisitor(kind: OutboxKind, visitorId: string, since: string): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM email_outbox o JOIN conversations c ON c.id = o.conversation_id
       WHERE o.kind = $1 AND c.visitor_id = $2 AND o.created_at > $3`,
      [kind, visitorId, since],
    );
    return row?.n ?? 0;
  }
}
