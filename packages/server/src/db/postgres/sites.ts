// Sites in PostgreSQL: which origins may embed the widget for a site id, and how the site proves who its users are.

import { newId, now } from '../../ids.ts';
import { changedSiteSettings, newIdentitySecret, newSiteSettings, type SiteSettings } from '../../sites/merge.ts';
import type { NewSite, Site, SiteChanges, SiteInput, SiteRepository } from '../../sites/repository.ts';
import type { PgDb } from './connection.ts';
import { type SiteRow, toSite } from '../rows/sites.ts';

const COLUMNS = `id, name, allowed_origins, identity_secret, require_identity, widget_color, widget_position,
  widget_title, widget_greeting, widget_locale, prechat_name, prechat_email, queue_alert_seconds, working_hours,
  away_message, retention_conversations_days, retention_page_views_days, attachment_max_bytes, attachment_kinds,
  archived_at, created_at`;

/** The settings' columns in the order of `settingsParams`, from `$2` on ($1 is the id). */
const SETTINGS = `name, allowed_origins, widget_color, widget_position, widget_title, widget_greeting, widget_locale,
  prechat_name, prechat_email, queue_alert_seconds, working_hours, away_message, retention_conversations_days,
  retention_page_views_days, attachment_max_bytes, attachment_kinds`;
const SETTINGS_COUNT = 16;

function settingsParams(site: SiteSettings): unknown[] {
  const { color, position, title, greeting, locale, prechat } = site.widget;
  return [
    site.name,
    JSON.stringify(site.allowedOrigins),
    color?.toLowerCase() ?? null,
    position,
    title,
    greeting,
    locale,
    prechat.name,
    prechat.email,
    site.queueAlertSeconds,
    JSON.stringify(site.workingHours),
    site.awayMessage,
    site.retention.conversationsDays,
    site.retention.pageViewsDays,
    site.attachments.maxBytes,
    JSON.stringify(site.attachments.kinds),
  ];
}

const placeholders = (from: number, count: number): string =>
  Array.from({ length: count }, (_, i) => `$${from + i}`).join(', ');

export class PostgresSiteRepository implements SiteRepository {
  constructor(private readonly db: PgDb) {}

  async get(id: string): Promise<Site | null> {
    const row = await this.row(id);
    if (!row) return null;
    if (row.identity_secret) return toSite(row);
    // Sites written by other means than save() get their secret on first use; the first node to write it wins.
    const stored = await this.db.one<{ identity_secret: string }>(
      `UPDATE sites SET identity_secret = coalesce(identity_secret, $2) WHERE id = $1 RETURNING identity_secret`,
      [id, newIdentitySecret()],
    );
    return toSite({ ...row, identity_secret: stored?.identity_secret ?? null });
  }

  async list(): Promise<Site[]> {
    // Case folded, then by code point as SQLite's NOCASE sorts, whatever the database's locale.
    const rows = await this.db.query<SiteRow>(
      `SELECT ${COLUMNS} FROM sites ORDER BY archived_at IS NOT NULL, lower(name) COLLATE "C", created_at, id`,
    );
    return rows.map(toSite);
  }

  async create(site: NewSite): Promise<Site> {
    const row = await this.db.one<SiteRow>(
      `INSERT INTO sites (id, ${SETTINGS}, identity_secret, created_at)
       VALUES ($1, ${placeholders(2, SETTINGS_COUNT)}, $${SETTINGS_COUNT + 2}, $${SETTINGS_COUNT + 3})
       RETURNING ${COLUMNS}`,
      [newId(), ...settingsParams(newSiteSettings(site)), newIdentitySecret(), now()],
    );
    if (!row) throw new Error('a site vanished on insert');
    return toSite(row);
  }

  async update(id: string, changes: SiteChanges): Promise<Site | null> {
    // The row lock keeps two nodes' changes to different fields from undoing each other.
    return this.db.transaction(async () => {
      const row = await this.db.one<SiteRow>(`SELECT ${COLUMNS} FROM sites WHERE id = $1 FOR UPDATE`, [id]);
      if (!row) return null;
      const assignments = SETTINGS.split(',')
        .map((column, i) => `${column.trim()} = $${i + 2}`)
        .join(', ');
      await this.db.run(`UPDATE sites SET ${assignments} WHERE id = $1`, [
        id,
        ...settingsParams(changedSiteSettings(toSite(row), changes)),
      ]);
      if (changes.archived !== undefined) await this.setArchived(id, changes.archived);
      const changed = await this.row(id);
      return changed ? toSite(changed) : null;
    });
  }

  async archive(id: string): Promise<void> {
    await this.setArchived(id, true);
  }

  async unarchive(id: string): Promise<void> {
    await this.setArchived(id, false);
  }

  async save(site: SiteInput): Promise<void> {
    const required = site.requireIdentity ?? null;
    await this.db.run(
      `INSERT INTO sites (id, name, allowed_origins, identity_secret, require_identity, created_at)
       VALUES ($1, $2, $3::jsonb, $4, coalesce($5::boolean, false), $6)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins,
         require_identity = coalesce($5::boolean, sites.require_identity),
         identity_secret = coalesce(sites.identity_secret, excluded.identity_secret)`,
      [site.id, site.name, JSON.stringify(site.allowedOrigins), newIdentitySecret(), required, now()],
    );
  }

  async setRequireIdentity(id: string, required: boolean): Promise<void> {
    await this.db.run('UPDATE sites SET require_identity = $2 WHERE id = $1', [id, required]);
  }

  async rotateSecret(id: string): Promise<string> {
    const secret = newIdentitySecret();
    await this.db.run('UPDATE sites SET identity_secret = $2 WHERE id = $1', [id, secret]);
    return secret;
  }

  private row(id: string): Promise<SiteRow | undefined> {
    return this.db.one<SiteRow>(`SELECT ${COLUMNS} FROM sites WHERE id = $1`, [id]);
  }

  /** Archiving again keeps the first time; unarchiving clears it. */
  private async setArchived(id: string, archived: boolean): Promise<void> {
    await this.db.run(
      `UPDATE sites SET archived_at = CASE WHEN $2::timestamptz IS NULL THEN NULL ELSE coalesce(archived_at, $2) END
       WHERE id = $1`,
      [id, archived ? now() : null],
    );
  }
}
