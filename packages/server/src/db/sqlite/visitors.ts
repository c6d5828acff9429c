// Visitors in SQLite (identified by server-minted tokens, one per device), the contacts among them, and
// the pages they view.

import type { PageView } from '@livechat/protocol';
import type { Visitor, ProfileChange, VisitorRepository } from '../../visitors/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { type PageViewRow, type VisitorRow, attributesOf, COLUMNS, pageView, visitor } from '../rows/visitors.ts';

export class SqliteVisitorRepository implements VisitorRepository {
  private readonly insert;
  private readonly insertToken;
  private readonly deleteToken;
  private readonly selectByToken;
  private readonly selectById;
  private readonly selectByExternalId;
  private readonly setExternalId;
  private readonly setProfile;
  private readonly setAttributes;
  private readonly insertPageView;
  private readonly copyViews;
  private readonly selectPageViews;
  private readonly selectDistinctPages;
  private readonly createWithToken;
  private readonly resolve;

  constructor(private readonly db: Db) {
    this.insert = db.prepare<[string, string, string, string | null, string | null, string, string]>(
      'INSERT INTO visitors (id, site_id, token_hash, name, email, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertToken = db.prepare<[string, string, string]>(
      'INSERT INTO visitor_tokens (token_hash, visitor_id, created_at) VALUES (?, ?, ?)',
    );
    this.deleteToken = db.prepare<[string]>('DELETE FROM visitor_tokens WHERE token_hash = ?');
    this.selectByToken = db.prepare<[string], VisitorRow>(
      `SELECT ${COLUMNS} FROM visitor_tokens t JOIN visitors v ON v.id = t.visitor_id WHERE t.token_hash = ?`,
    );
    this.selectById = db.prepare<[string], VisitorRow>(`SELECT ${COLUMNS} FROM visitors v WHERE v.id = ?`);
    this.selectByExternalId = db.prepare<[string, string], VisitorRow>(
      `SELECT ${COLUMNS} FROM visitors v WHERE v.site_id = ? AND v.external_id = ?`,
    );
    this.setExternalId = db.prepare<[string, string]>(
      'UPDATE visitors SET external_id = ? WHERE id = ? AND external_id IS NULL',
    );
    this.setProfile = db.prepare<[string | null, string | null, string]>(
      'UPDATE visitors SET name = coalesce(?, name), email = coalesce(?, email) WHERE id = ?',
    );
    this.setAttributes = db.prepare<[string, string]>('UPDATE visitors SET attributes = ? WHERE id = ?');
    this.insertPageView = db.prepare(
      'INSERT INTO page_views (visitor_id, url, title, referrer, viewed_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.copyViews = db.prepare<[string, string]>(
      `INSERT INTO page_views (visitor_id, url, title, referrer, viewed_at)
       SELECT ?, url, title, referrer, viewed_at FROM page_views WHERE visitor_id = ? ORDER BY id`,
    );
    this.selectDistinctPages = db.prepare<[string, number], PageViewRow>(
      `SELECT p.url, p.title, p.referrer, p.viewed_at FROM page_views p
       JOIN (SELECT max(id) AS id FROM page_views WHERE visitor_id = ? GROUP BY url ORDER BY id DESC LIMIT ?) latest
         ON latest.id = p.id
       ORDER BY p.id DESC`,
    );
    this.selectPageViews = db.prepare<[string, number], PageViewRow>(
      'SELECT url, title, referrer, viewed_at FROM page_views WHERE visitor_id = ? ORDER BY id DESC LIMIT ?',
    );

    this.createWithToken = db.transaction((siteId: string, tokenHash: string, profile: ProfileChange): Visitor => {
      const id = newId();
      const time = now();
      this.insert.run(id, siteId, tokenHash, profile.name ?? null, profile.email ?? null, time, time);
      this.insertToken.run(tokenHash, id, time);
      return { id, siteId, name: profile.name ?? null, email: profile.email ?? null, externalId: null, attributes: {} };
    });

    this.resolve = db.transaction((siteId: string, currentId: string, externalId: string, tokenHash: string) => {
      const contact = this.selectByExternalId.get(siteId, externalId);
      if (contact) {
        if (contact.id === currentId) return { visitorId: contact.id, tokenIssued: false };
        this.insertToken.run(tokenHash, contact.id, now());
        return { visitorId: contact.id, tokenIssued: true };
      }
      // An anonymous visitor becomes the contact; one already bound to another contact never changes hands.
      if (this.setExternalId.run(externalId, currentId).changes === 1)
        return { visitorId: currentId, tokenIssued: false };
      const created = this.createWithToken(siteId, tokenHash, {});
      this.setExternalId.run(externalId, created.id);
      return { visitorId: created.id, tokenIssued: true };
    });
  }

  async create(siteId: string, tokenHash: string, profile: ProfileChange = {}): Promise<Visitor> {
    return this.createWithToken(siteId, tokenHash, profile);
  }

  async byToken(tokenHash: string): Promise<Visitor | null> {
    const row = this.selectByToken.get(tokenHash);
    return row ? visitor(row) : null;
  }

  async byId(id: string): Promise<Visitor | null> {
    const row = this.selectById.get(id);
    return row ? visitor(row) : null;
  }

  async revokeToken(tokenHash: string): Promise<void> {
    this.deleteToken.run(tokenHash);
  }

  async addToken(visitorId: string, tokenHash: string): Promise<void> {
    this.insertToken.run(tokenHash, visitorId, now());
  }

  async resolveContact(siteId: string, currentVisitorId: string, externalId: string, tokenHash: string) {
    return this.resolve(siteId, currentVisitorId, externalId, tokenHash);
  }

  async updateProfile(visitorId: string, change: ProfileChange): Promise<void> {
    this.setProfile.run(change.name ?? null, change.email ?? null, visitorId);
  }

  async mergeAttributes(visitorId: string, change: Record<string, string | null>, maxCount: number) {
    return this.db.transaction(() => {
      const row = this.selectById.get(visitorId);
      const merged = new Map(Object.entries(row ? attributesOf(row.attributes) : {}));
      for (const [key, value] of Object.entries(change)) {
        if (value === null) merged.delete(key);
        else merged.set(key, value);
      }
      if (merged.size > maxCount) return null;
      const result = Object.fromEntries(merged);
      this.setAttributes.run(JSON.stringify(result), visitorId);
      return result;
    })();
  }

  async copyPageViews(fromVisitorId: string, toVisitorId: string): Promise<void> {
    this.copyViews.run(toVisitorId, fromVisitorId);
  }

  async addPageView(visitorId: string, view: Omit<PageView, 'viewedAt'>): Promise<PageView> {
    const viewedAt = now();
    this.insertPageView.run(visitorId, view.url, view.title, view.referrer, viewedAt);
    return { ...view, viewedAt };
  }

  async recentPageViews(visitorId: string, limit: number): Promise<PageView[]> {
    return this.selectPageViews.all(visitorId, limit).map(pageView);
  }

  async recentDistinctPages(visitorId: string, limit: number): Promise<PageView[]> {
    return this.selectDistinctPages.all(visitorId, limit).map(pageView);
  }
}
