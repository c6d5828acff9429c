// Sites in SQLite: which origins may embed the widget for a site id, and how the site proves who its users are.

import type { PrechatFieldMode, WidgetPosition } from '@livechat/protocol';
import type { Site, SiteInput, NewSite, SiteChanges, SiteRepository } from '../../sites/repository.ts';
import { newId, now } from '../../ids.ts';
import { changedSiteSettings, newIdentitySecret, newSiteSettings, type SiteSettings } from '../../sites/merge.ts';
import type { Db } from './connection.ts';
import { type SiteRow, toSite } from '../rows/sites.ts';

interface UpsertParams {
  id: string;
  name: string;
  origins: string;
  secret: string;
  required: number | null;
  time: string;
}

interface WriteParams {
  id: string;
  name: string;
  origins: string;
  color: string | null;
  position: WidgetPosition;
  title: string | null;
  greeting: string | null;
  locale: string | null;
  prechatName: PrechatFieldMode;
  prechatEmail: PrechatFieldMode;
  queueAlertSeconds: number;
  workingHours: string | null;
  awayMessage: string | null;
  conversationsDays: number | null;
  pageViewsDays: number | null;
  attachmentMaxBytes: number;
  attachmentKinds: string;
}

const COLUMNS = `id, name, allowed_origins, identity_secret, require_identity, widget_color, widget_position,
  widget_title, widget_greeting, widget_locale, prechat_name, prechat_email, queue_alert_seconds, working_hours, away_message,
  retention_conversations_days, retention_page_views_days, attachment_max_bytes, attachment_kinds, archived_at, created_at`;

export class SqliteSiteRepository implements SiteRepository {
  private readonly byId;
  private readonly all;
  private readonly insert;
  private readonly write;
  private readonly setArchivedAt;
  private readonly upsert;
  private readonly updateRequire;
  private readonly updateSecret;
  private readonly change;

  constructor(db: Db) {
    this.byId = db.prepare<[string], SiteRow>(`SELECT ${COLUMNS} FROM sites WHERE id = ?`);
    this.all = db.prepare<[], SiteRow>(
      `SELECT ${COLUMNS} FROM sites ORDER BY archived_at IS NOT NULL, name COLLATE NOCASE, created_at, id`,
    );
    this.insert = db.prepare<[WriteParams & { secret: string; time: string }]>(
      `INSERT INTO sites (id, name, allowed_origins, identity_secret, widget_color, widget_position, widget_title,
         widget_greeting, widget_locale, prechat_name, prechat_email, queue_alert_seconds, working_hours, away_message,
         retention_conversations_days, retention_page_views_days, attachment_max_bytes, attachment_kinds, created_at)
       VALUES (@id, @name, @origins, @secret, @color, @position, @title, @greeting, @locale, @prechatName,
         @prechatEmail, @queueAlertSeconds, @workingHours, @awayMessage, @conversationsDays, @pageViewsDays,
         @attachmentMaxBytes, @attachmentKinds, @time)`,
    );
    this.write = db.prepare<[WriteParams]>(
      `UPDATE sites SET name = @name, allowed_origins = @origins, widget_color = @color, widget_position = @position,
         widget_title = @title, widget_greeting = @greeting, widget_locale = @locale,
         prechat_name = @prechatName, prechat_email = @prechatEmail, queue_alert_seconds = @queueAlertSeconds, working_hours = @workingHours, away_message = @awayMessage,
         retention_conversations_days = @conversationsDays, retention_page_views_days = @pageViewsDays,
         attachment_max_bytes = @attachmentMaxBytes, attachment_kinds = @attachmentKinds
       WHERE id = @id`,
    );
    // Archiving again keeps the first time; unarchiving clears it.
    this.setArchivedAt = db.prepare<[{ time: string | null; id: string }]>(
      'UPDATE sites SET archived_at = CASE WHEN @time IS NULL THEN NULL ELSE coalesce(archived_at, @time) END WHERE id = @id',
    );
    this.upsert = db.prepare<[UpsertParams]>(
      `INSERT INTO sites (id, name, allowed_origins, identity_secret, require_identity, created_at)
       VALUES (@id, @name, @origins, @secret, coalesce(@required, 0), @time)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins,
         require_identity = coalesce(@required, require_identity),
         identity_secret = coalesce(identity_secret, excluded.identity_secret)`,
    );
    this.updateRequire = db.prepare<[number, string]>('UPDATE sites SET require_identity = ? WHERE id = ?');
    this.updateSecret = db.prepare<[string, string]>('UPDATE sites SET identity_secret = ? WHERE id = ?');
    this.change = db.transaction((id: string, changes: SiteChanges): SiteRow | undefined => {
      const row = this.byId.get(id);
      if (!row) return undefined;
      const current = toSite(row);
      this.write.run(writeParams(id, changedSiteSettings(current, changes)));
      if (changes.archived !== undefined) this.setArchivedAt.run({ time: changes.archived ? now() : null, id });
      return this.byId.get(id);
    });
  }

  async get(id: string): Promise<Site | null> {
    const row = this.byId.get(id);
    if (!row) return null;
    // Sites written by other means than save() get their secret on first use.
    if (!row.identity_secret) this.updateSecret.run((row.identity_secret = newIdentitySecret()), row.id);
    return toSite(row);
  }

  async list(): Promise<Site[]> {
    return this.all.all().map(toSite);
  }

  async create(site: NewSite): Promise<Site> {
    const id = newId();
    this.insert.run({
      ...writeParams(id, newSiteSettings(site)),
      secret: newIdentitySecret(),
      time: now(),
    });
    const created = this.byId.get(id);
    if (!created) throw new Error(`site ${id} vanished after insert`);
    return toSite(created);
  }

  async update(id: string, changes: SiteChanges): Promise<Site | null> {
    const row = this.change(id, changes);
    return row ? toSite(row) : null;
  }

  async archive(id: string): Promise<void> {
    this.setArchivedAt.run({ time: now(), id });
  }

  async unarchive(id: string): Promise<void> {
    this.setArchivedAt.run({ time: null, id });
  }

  async save(site: SiteInput): Promise<void> {
    const required = site.requireIdentity === undefined ? null : Number(site.requireIdentity);
    this.upsert.run({
      id: site.id,
      name: site.name,
      origins: JSON.stringify(site.allowedOrigins),
      secret: newIdentitySecret(),
      required,
      time: now(),
    });
  }

  async setRequireIdentity(id: string, required: boolean): Promise<void> {
    this.updateRequire.run(Number(required), id);
  }

  async rotateSecret(id: string): Promise<string> {
    const secret = newIdentitySecret();
    this.updateSecret.run(secret, id);
    return secret;
  }
}

function writeParams(id: string, site: SiteSettings): WriteParams {
  const { color, position, title, greeting, locale, prechat } = site.widget;
  return {
    id,
    name: site.name,
    origins: JSON.stringify(site.allowedOrigins),
    color: color?.toLowerCase() ?? null,
    position,
    title,
    greeting,
    locale,
    prechatName: prechat.name,
    prechatEmail: prechat.email,
    queueAlertSeconds: site.queueAlertSeconds,
    workingHours: JSON.stringify(site.workingHours),
    awayMessage: site.awayMessage,
    conversationsDays: site.retention.conversationsDays,
    pageViewsDays: site.retention.pageViewsDays,
    attachmentMaxBytes: site.attachments.maxBytes,
    attachmentKinds: JSON.stringify(site.attachments.kinds),
  };
}
