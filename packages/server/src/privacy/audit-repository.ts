// The audit log of admin actions: written where each action is done, read by admins newest first.

import type { AuditAction, AuditEntry } from '@livechat/protocol';

export type AuditTarget = AuditEntry['target'];

export interface NewAuditEntry {
  /** Null for the server itself (the retention job). */
  actor: { id: string; name: string } | null;
  action: AuditAction;
  target: AuditTarget;
  details?: Record<string, unknown>;
}

export interface AuditPageRows {
  entries: AuditEntry[];
  /** The position of the last entry, when older ones remain. */
  next: number | null;
}

export interface AuditRepository {
  record(entry: NewAuditEntry): Promise<AuditEntry>;
  /** Newest first, `limit` entries older than position `before` (all when null). */
  page(before: number | null, limit: number): Promise<AuditPageRows>;
}
