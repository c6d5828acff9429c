// An audit log entry as both stores read it: its row, the columns selected for it and the AuditEntry it stands for.

import type { AuditAction, AuditEntry } from '@livechat/protocol';
import type { AuditTarget } from '../../privacy/audit-repository.ts';
import { json } from './values.ts';

export interface AuditRow {
  seq: number;
  id: string;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  action: AuditAction;
  target_kind: AuditTarget['kind'];
  target_id: string | null;
  target_label: string | null;
  /** JSON text in SQLite, parsed jsonb in PostgreSQL. */
  details: string | Record<string, unknown>;
}

export const entry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  at: row.at,
  actor: row.actor_id && row.actor_name ? { id: row.actor_id, name: row.actor_name } : null,
  action: row.action,
  target: { kind: row.target_kind, id: row.target_id, label: row.target_label },
  details: json<Record<string, unknown>>(row.details),
});

export const COLUMNS = 'seq, id, at, actor_id, actor_name, action, target_kind, target_id, target_label, details';
