// A site as both stores read it: its row and the Site it stands for.

import type { AttachmentKind, PrechatFieldMode, WidgetPosition, WorkingHours } from '@livechat/protocol';
import type { Site } from '../../sites/repository.ts';
import { ALWAYS_OPEN } from '../../sites/working-hours.ts';
import { flag, json } from './values.ts';

export interface SiteRow {
  id: string;
  name: string;
  /** A JSON array of origins: text in SQLite, parsed jsonb in PostgreSQL. */
  allowed_origins: string | string[];
  identity_secret: string | null;
  require_identity: number | boolean;
  widget_color: string | null;
  widget_position: WidgetPosition;
  widget_title: string | null;
  widget_greeting: string | null;
  widget_locale: string | null;
  prechat_name: PrechatFieldMode;
  prechat_email: PrechatFieldMode;
  queue_alert_seconds: number;
  /** JSON text in both stores. */
  working_hours: string | null;
  away_message: string | null;
  retention_conversations_days: number | null;
  retention_page_views_days: number | null;
  attachment_max_bytes: number;
  /** A JSON array of kinds: text in SQLite, parsed jsonb in PostgreSQL. */
  attachment_kinds: string | AttachmentKind[];
  archived_at: string | null;
  created_at: string;
}

export function toSite(row: SiteRow): Site {
  return {
    id: row.id,
    name: row.name,
    allowedOrigins: json<string[]>(row.allowed_origins),
    identitySecret: row.identity_secret ?? '',
    requireIdentity: flag(row.require_identity),
    widget: {
      color: row.widget_color,
      position: row.widget_position,
      title: row.widget_title,
      greeting: row.widget_greeting,
      locale: row.widget_locale,
      prechat: { name: row.prechat_name, email: row.prechat_email },
    },
    queueAlertSeconds: row.queue_alert_seconds,
    workingHours: row.working_hours ? (JSON.parse(row.working_hours) as WorkingHours) : ALWAYS_OPEN,
    awayMessage: row.away_message,
    retention: { conversationsDays: row.retention_conversations_days, pageViewsDays: row.retention_page_views_days },
    attachments: { maxBytes: row.attachment_max_bytes, kinds: json<AttachmentKind[]>(row.attachment_kinds) },
    archivedAt: row.archived_at,
    createdAt: row.created_at,
  };
}
