// The audit log of admin actions in PostgreSQL: written where each action is done, read by admins newest first.

import type { AuditEntry } from '@livechat/protocol';
import { newId, now } from '../../ids.ts';
import type { AuditPageRows, AuditRepository, NewAuditEntry } from '../../privacy/audit-repository.ts';
import type { PgDb } from './connection.ts';
import { type AuditRow, COLUMNS, entry } from '../rows/audit.ts';

export class PostgresAuditRepository implements AuditRepository {
  constructor(private readonly db: PgDb) {}

  /** Inside the caller's transaction when there is one, so that an action and its entry stand or fall together. */
  async record(input: NewAuditEntry): Promise<AuditEntry> {
    const row = await this.db.one<AuditRow>(
      `INSERT INTO audit_log (id, at, actor_id, actor_name, action, target_kind, target_id, target_label, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)
       RETURNING ${COLUMNS}`,
      [
        newId(),
        now(),
        input.actor?.id ?? null,
        input.actor?.name ?? null,
        input.action,
        input.target.kind,
        input.target.id,
        input.target.label,
        JSON.stringify(input.details ?? {}),
      ],
    );
    if (!row) throw new Error('an audit entry vanished on insert');
    return entry(row);
  }

  async page(before: number | null, limit: number): Promise<AuditPageRows> {
    const rows = await this.db.query<AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log WHERE $1::bigint IS NULL OR seq < $1 ORDER BY seq DESC LIMIT $2`,
      [before, limit + 1],
    );
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return { entries: shown.map(entry), next: rows.length > limit && last ? last.seq : null };
  }
}
