// Visitors (identified by a server-minted token) and the pages they view.

import type { PageView, VisitorProfile } from '@livechat/protocol';
import type { Db } from '../db/connection.ts';
import { newId, now } from '../ids.ts';

export interface Visitor extends VisitorProfile {
  siteId: string;
}

export interface VisitorRepository {
  create(siteId: string, tokenHash: string): Promise<Visitor>;
  byToken(tokenHash: string): Promise<Visitor | null>;
  byId(id: string): Promise<Visitor | null>;
  addPageView(visitorId: string, view: Omit<PageView, 'viewedAt'>): Promise<PageView>;
  /** Newest first. */
  recentPageViews(visitorId: string, limit: number): Promise<PageView[]>;
}

interface VisitorRow {
  id: string;
  site_id: string;
  name: string | null;
  email: string | null;
}
interface PageViewRow {
  url: string;
  title: string;
  referrer: string;
  viewed_at: string;
}

const visitor = (row: VisitorRow): Visitor => ({ id: row.id, siteId: row.site_id, name: row.name, email: row.email });
export const pageView = (row: PageViewRow): PageView => ({
  url: row.url,
  title: row.title,
  referrer: row.referrer,
  viewedAt: row.viewed_at,
});

export class SqliteVisitorRepository implements VisitorRepository {
  private readonly insert;
  private readonly selectByToken;
  private readonly selectById;
  private readonly insertPageView;
  private readonly selectPageViews;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectByToken = db.prepare<[string], VisitorRow>(
      'SELECT id, site_id, name, email FROM visitors WHERE token_hash = ?',
    );
    this.selectById = db.prepare<[string], VisitorRow>('SELECT id, site_id, name, email FROM visitors WHERE id = ?');
    this.insertPageView = db.prepare(
      'INSERT INTO page_views (visitor_id, url, title, referrer, viewed_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectPageViews = db.prepare<[string, number], PageViewRow>(
      'SELECT url, title, referrer, viewed_at FROM page_views WHERE visitor_id = ? ORDER BY id DESC LIMIT ?',
    );
  }

  async create(siteId: string, tokenHash: string): Promise<Visitor> {
    const id = newId();
    const time = now();
    this.insert.run(id, siteId, tokenHash, time, time);
    return { id, siteId, name: null, email: null };
  }

  async byToken(tokenHash: string): Promise<Visitor | null> {
    const row = this.selectByToken.get(tokenHash);
    return row ? visitor(row) : null;
  }

  async byId(id: string): Promise<Visitor | null> {
    const row = this.selectById.get(id);
    return row ? visitor(row) : null;
  }

  async addPageView(visitorId: string, view: Omit<PageView, 'viewedAt'>): Promise<PageView> {
    const viewedAt = now();
    this.insertPageView.run(visitorId, view.url, view.title, view.referrer, viewedAt);
    return { ...view, viewedAt };
  }

  async recentPageViews(visitorId: string, limit: number): Promise<PageView[]> {
    return this.selectPageViews.all(visitorId, limit).map(pageView);
  }
}
