// Visitors in PostgreSQL (identified by server-minted tokens, one per device), the contacts among them,
// and the pages they view.

import type { PageView } from '@livechat/protocol';
import { newId, now } from '../../ids.ts';
import type { ProfileChange, Visitor, VisitorRepository } from '../../visitors/repository.ts';
import { isUniqueViolation, type PgDb } from './connection.ts';
import { type PageViewRow, type VisitorRow, attributesOf, COLUMNS, pageView, visitor } from '../rows/visitors.ts';

export class PostgresVisitorRepository implements VisitorRepository {
  constructor(private readonly db: PgDb) {}

  async create(siteId: string, tokenHash: string, profile: ProfileChange = {}): Promise<Visitor> {
    return this.db.transaction(async () => {
      const id = newId();
      const time = now();
      const row = await this.db.one<VisitorRow>(
        `INSERT INTO visitors AS v (id, site_id, token_hash, name, email, created_at, last_seen_at)
         VALUES ($1, $2, $3, $4, $5, $6, $6) RETURNING ${COLUMNS}`,
        [id, siteId, tokenHash, profile.name ?? null, profile.email ?? null, time],
      );
      await this.addToken(id, tokenHash, time);
      if (!row) throw new Error('a visitor vanished on insert');
      return visitor(row);
    });
  }

  async byToken(tokenHash: string): Promise<Visitor | null> {
    const row = await this.db.one<VisitorRow>(
      `SELECT ${COLUMNS} FROM visitor_tokens t JOIN visitors v ON v.id = t.visitor_id WHERE t.token_hash = $1`,
      [tokenHash],
    );
    return row ? visitor(row) : null;
  }

  async byId(id: string): Promise<Visitor | null> {
    const row = await this.db.one<VisitorRow>(`SELECT ${COLUMNS} FROM visitors v WHERE v.id = $1`, [id]);
    return row ? visitor(row) : null;
  }

  async revokeToken(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM visitor_tokens WHERE token_hash = $1', [tokenHash]);
  }

  async addToken(visitorId: string, tokenHash: string, at: string = now()): Promise<void> {
    await this.db.run('INSERT INTO visitor_tokens (token_hash, visitor_id, created_at) VALUES ($1, $2, $3)', [
      tokenHash,
      visitorId,
      at,
    ]);
  }

  async resolveContact(siteId: string, currentVisitorId: string, externalId: string, tokenHash: string) {
    // Two nodes may resolve the same new contact at once: the unique index on (site, external id) lets
    // one of them bind it, and the other starts over and finds the contact the first one made.
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.db.transaction(() => this.resolveOnce(siteId, currentVisitorId, externalId, tokenHash));
      } catch (err) {
        if (attempt === 3 || this.db.inTransaction || !isUniqueViolation(err, 'visitors_by_external_id')) throw err;
      }
    }
  }

  async updateProfile(visitorId: string, change: ProfileChange): Promise<void> {
    await this.db.run('UPDATE visitors SET name = coalesce($2, name), email = coalesce($3, email) WHERE id = $1', [
      visitorId,
      change.name ?? null,
      change.email ?? null,
    ]);
  }

  async mergeAttributes(visitorId: string, change: Record<string, string | null>, maxCount: number) {
    // The row lock makes merges from two nodes apply one after the other, each seeing the other's keys.
    return this.db.transaction(async () => {
      const row = await this.db.one<{ attributes: Record<string, unknown> }>(
        'SELECT attributes FROM visitors WHERE id = $1 FOR UPDATE',
        [visitorId],
      );
      const merged = new Map(Object.entries(row ? attributesOf(row.attributes) : {}));
      for (const [key, value] of Object.entries(change)) {
        if (value === null) merged.delete(key);
        else merged.set(key, value);
      }
      if (merged.size > maxCount) return null;
      const result = Object.fromEntries(merged);
      await this.db.run('UPDATE visitors SET attributes = $2::jsonb WHERE id = $1', [
        visitorId,
        JSON.stringify(result),
      ]);
      return result;
    });
  }

  async copyPageViews(fromVisitorId: string, toVisitorId: string): Promise<void> {
    await this.db.run(
      `INSERT INTO page_views (visitor_id, url, title, referrer, viewed_at)
       SELECT $2, url, title, referrer, viewed_at FROM page_views WHERE visitor_id = $1 ORDER BY id`,
      [fromVisitorId, toVisitorId],
    );
  }

  async addPageView(visitorId: string, view: Omit<PageView, 'viewedAt'>): Promise<PageView> {
    const viewedAt = now();
    await this.db.run(
      'INSERT INTO page_views (visitor_id, url, title, referrer, viewed_at) VALUES ($1, $2, $3, $4, $5)',
      [visitorId, view.url, view.title, view.referrer, viewedAt],
    );
    return { ...view, viewedAt };
  }

  async recentPageViews(visitorId: string, limit: number): Promise<PageView[]> {
    const rows = await this.db.query<PageViewRow>(
      'SELECT url, title, referrer, viewed_at FROM page_views WHERE visitor_id = $1 ORDER BY id DESC LIMIT $2',
      [visitorId, limit],
    );
    return rows.map(pageView);
  }

  async recentDistinctPages(visitorId: string, limit: number): Promise<PageView[]> {
    const rows = await this.db.query<PageViewRow>(
      `SELECT p.url, p.title, p.referrer, p.viewed_at FROM page_views p
       JOIN (SELECT max(id) AS id FROM page_views WHERE visitor_id = $1 GROUP BY url ORDER BY max(id) DESC LIMIT $2) latest
         ON latest.id = p.id
       ORDER BY p.id DESC`,
      [visitorId, limit],
    );
    return rows.map(pageView);
  }

  private async resolveOnce(siteId: string, currentId: string, externalId: string, tokenHash: string) {
    const contact = await this.db.one<{ id: string }>(
      'SELECT id FROM visitors WHERE site_id = $1 AND external_id = $2',
      [siteId, externalId],
    );
    if (contact) {
      if (contact.id === currentId) return { visitorId: contact.id, tokenIssued: false };
      await this.addToken(contact.id, tokenHash);
      return { visitorId: contact.id, tokenIssued: true };
    }
    // An anonymous visitor becomes the contact; one already bound to another contact never changes hands.
    const bound = await this.db.run('UPDATE visitors SET external_id = $2 WHERE id = $1 AND external_id IS NULL', [
      currentId,
      externalId,
    ]);
    if (bound === 1) return { visitorId: currentId, tokenIssued: false };
    const created = await this.create(siteId, tokenHash);
    await this.db.run('UPDATE visitors SET external_id = $2 WHERE id = $1', [created.id, externalId]);
    return { visitorId: created.id, tokenIssued: true };
  }
}
