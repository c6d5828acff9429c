// Sites: which origins may embed the widget for a site id.

import type { Db } from '../db/connection.ts';
import { now } from '../ids.ts';

export interface Site {
  id: string;
  name: string;
  allowedOrigins: string[];
}

export interface SiteRepository {
  get(id: string): Promise<Site | null>;
  save(site: Site): Promise<void>;
}

interface SiteRow {
  id: string;
  name: string;
  allowed_origins: string;
}

export class SqliteSiteRepository implements SiteRepository {
  private readonly byId;
  private readonly upsert;

  constructor(db: Db) {
    this.byId = db.prepare<[string], SiteRow>('SELECT id, name, allowed_origins FROM sites WHERE id = ?');
    this.upsert = db.prepare<[string, string, string, string]>(
      `INSERT INTO sites (id, name, allowed_origins, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET name = excluded.name, allowed_origins = excluded.allowed_origins`,
    );
  }

  async get(id: string): Promise<Site | null> {
    const row = this.byId.get(id);
    return row ? { id: row.id, name: row.name, allowedOrigins: JSON.parse(row.allowed_origins) as string[] } : null;
  }

  async save(site: Site): Promise<void> {
    this.upsert.run(site.id, site.name, JSON.stringify(site.allowedOrigins), now());
  }
}

/** Exact match of a request's Origin against a site's list: no substrings, no wildcards. */
export function isOriginAllowed(site: Site, origin: string | undefined): boolean {
  return origin !== undefined && site.allowedOrigins.includes(origin);
}
