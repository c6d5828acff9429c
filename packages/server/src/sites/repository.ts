// Sites: which origins may embed the widget for a site id, and how the site proves who its users are.

import { randomBytes } from 'node:crypto';
import type { Db } from '../db/connection.ts';
import { now } from '../ids.ts';

export interface Site {
  id: string;
  name: string;
  allowedOrigins: string[];
  /** 256 random bits, hex: the HMAC key the site's backend signs user ids with. */
  identitySecret: string;
  /** identify() must then carry a valid hash; unverified names and emails are refused. */
  requireIdentity: boolean;
}

/** What a caller sets; the secret is generated on first save and kept on later ones. */
export type SiteInput = Pick<Site, 'id' | 'name' | 'allowedOrigins'> & Partial<Pick<Site, 'requireIdentity'>>;

export interface SiteRepository {
  get(id: string): Promise<Site | null>;
  save(site: SiteInput): Promise<void>;
  setRequireIdentity(id: string, required: boolean): Promise<void>;
  /** Replaces the secret and returns the new one. */
  rotateSecret(id: string): Promise<string>;
}

interface SiteRow {
  id: string;
  name: string;
  allowed_origins: string;
  identity_secret: string | null;
  require_identity: number;
}

interface UpsertParams {
  id: string;
  name: string;
  origins: string;
  secret: string;
  required: number | null;
  time: string;
}

export const newIdentitySecret = (): string => randomBytes(32).toString('hex');

export class SqliteSiteRepository implements SiteRepository {
  private readonly byId;
  private readonly upsert;
  private readonly updateRequire;
  private readonly updateSecret;

  constructor(db: Db) {
    this.byId = db.prepare<[string], SiteRow>(
      'SELECT id, name, allowed_origins, identity_secret, require_identity FROM sites WHERE id = ?',
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
  }

  async get(id: string): Promise<Site | null> {
    const row = this.byId.get(id);
    if (!row) return null;
    // Sites written by other means than save() get their secret on first use.
    if (!row.identity_secret) this.updateSecret.run((row.identity_secret = newIdentitySecret()), row.id);
    return {
      id: row.id,
      name: row.name,
      allowedOrigins: JSON.parse(row.allowed_origins) as string[],
      identitySecret: row.identity_secret,
      requireIdentity: row.require_identity === 1,
    };
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

/** Exact match of a request's Origin against a site's list: no substrings, no wildcards. */
export function isOriginAllowed(site: Site, origin: string | undefined): boolean {
  return origin !== undefined && site.allowedOrigins.includes(origin);
}
