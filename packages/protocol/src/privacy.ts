// Bodies of the HTTP API for privacy and accountability: a visitor's data exported or erased, retention, the audit log.

import type { ConversationRating } from './availability.ts';
import type { ConversationStatus, Message, PageView, VisitorProfile } from './model.ts';

/** A site's retention: data older than this many days is deleted by a daily job; null keeps it (the default). */
export interface RetentionSettings {
  /** Conversations resolved or ended more than N days ago (with their messages, notes, ratings). 1–3650. */
  conversationsDays: number | null;
  /** Page views older than N days. 1–3650. */
  pageViewsDays: number | null;
}

/**
 * GET /api/admin/visitors/:visitorId/export → 200, `content-disposition: attachment; filename=
 * "visitor-ID.json"` (admins): everything stored about one visitor.
 */
export interface VisitorExport {
  exportedAt: string;
  siteId: string;
  visitor: VisitorProfile & { createdAt: string };
  conversations: Array<{
    id: string;
    status: ConversationStatus;
    createdAt: string;
    closedAt: string | null;
    /** Every message, internal notes and command lines included. */
    messages: Message[];
    rating: ConversationRating | null;
  }>;
  pageViews: PageView[];
}

/**
 * POST /api/admin/visitors/:visitorId/erase { confirm } → 200 VisitorErased (admins). `confirm` must be the
 * visitor's id (else 400 `bad_request`, nothing changed). Deletes the visitor's messages, conversations,
 * page views, contact details and tokens, and closes their open sockets (close 4001); tickets and leads made
 * from their conversations stay, with the visitor's name, email and transcript replaced by
 * `ERASED_VISITOR_LABEL`. An unknown (or already erased) visitor → 404.
 */
export interface VisitorEraseInput {
  confirm: string;
}
export interface VisitorErased {
  visitorId: string;
  conversations: number;
  messages: number;
  pageViews: number;
  /** Tickets and leads that kept a redacted reference. */
  redactedRecords: number;
}
export const ERASED_VISITOR_LABEL = '[erased visitor]';

/** What an admin did. */
export type AuditAction =
  | 'site.created'
  | 'site.updated'
  | 'site.archived'
  | 'site.origins_changed'
  | 'site.secret_rotated'
  | 'site.retention_changed'
  | 'operator.invited'
  | 'operator.role_changed'
  | 'operator.disabled'
  | 'operator.enabled'
  | 'operator.password_link'
  | 'modules.changed'
  | 'visitor.exported'
  | 'visitor.erased';

export interface AuditEntry {
  id: string;
  at: string;
  /** Who did it; null for the server itself (the retention job) or an admin since removed. */
  actor: { id: string; name: string } | null;
  action: AuditAction;
  /** What it was done to: `site`, `operator`, `visitor`, `modules`. */
  target: { kind: 'site' | 'operator' | 'visitor' | 'modules'; id: string | null; label: string | null };
  /** What changed, e.g. `{ before, after }` of a role or of origins; never a secret's value. */
  details: Record<string, unknown>;
}

/** GET /api/admin/audit?cursor= → 200 (admins), newest first, 50 a page. */
export interface AuditPage {
  entries: AuditEntry[];
  /** Pass back as `cursor` for the next (older) page; null at the end. */
  nextCursor: string | null;
}
