// The audit log of admin actions in SQLite: written where each action is done, read by admins newest first.

import type { AuditEntry } from '@livechat/protocol';
import type { NewAuditEntry, AuditPageRows, AuditRepository } from '../../privacy/audit-repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { type AuditRow, COLUMNS, entry } from '../rows/audit.ts';

export class SqliteAuditRepository implements AuditRepository {
  private readonly insert;
  private readonly selectOlder;

  constructor(db: Db) {
    this.insert = db.prepare<[Omit<AuditRow, 'seq'> & { details: string }], AuditRow>(
      `INSERT INTO audit_log (id, at, actor_id, actor_name, action, target_kind, target_id, target_label, details)
       VALUES (@id, @at, @actor_id, @actor_name, @action, @target_kind, @target_id, @target_label, @details)
       RETURNING ${COLUMNS}`,
    );
    this.selectOlder = db.prepare<[number, number], AuditRow>(
      `SELECT ${COLUMNS} FROM audit_log WHERE seq < ? ORDER BY seq DESC LIMIT ?`,
    );
  }

  async record(input: NewAuditEntry): Promise<AuditEntry> {
    return this.recordNow(input);
  }

  /** Synchronous, so that an action and its entry share the caller's transaction. */
  recordNow(input: NewAuditEntry): AuditEntry {
    const row = this.insert.get({
      id: newId(),
      at: now(),
      actor_id: input.actor?.id ?? null,
      actor_name: input.actor?.name ?? null,
      action: input.action,
      target_kind: input.target.kind,
      target_id: input.target.id,
      target_label: input.target.label,
      details: JSON.stringify(input.details ?? {}),
    });
    if (!row) throw new Error('an audit entry vanished on insert');
    return entry(row);
  }

  async page(before: number | null, limit: number): Promise<AuditPageRows> {
    const rows = this.selectOlder.all(before ?? Number.MAX_SAFE_INTEGER, limit + 1);
    const shown = rows.slice(0, limit);
    const last = shown[shown.length - 1];
    return { entries: shown.map(entry), next: rows.length > limit && last ? last.seq : null };
  }
}
