// A visitor and a page view as both stores read them: their rows and the Visitor and PageView they stand for.

import type { PageView } from '@livechat/protocol';
import type { Visitor } from '../../visitors/repository.ts';

export interface VisitorRow {
  id: string;
  site_id: string;
  name: string | null;
  email: string | null;
  external_id: string | null;
  /** JSON text in SQLite, parsed jsonb in PostgreSQL. */
  attributes: string | Record<string, unknown>;
}

export interface PageViewRow {
  url: string;
  title: string;
  referrer: string;
  viewed_at: string;
}

export const COLUMNS = 'v.id, v.site_id, v.name, v.email, v.external_id, v.attributes';

/** Attributes are written only by mergeAttributes, but SQLite's column is plain text: read it defensively. */
function parsedObject(raw: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : {};
  } catch {
    return {};
  }
}

/** Only string values are attributes; anything else the column might hold is left out. */
export function attributesOf(value: string | Record<string, unknown>): Record<string, string> {
  const object = typeof value === 'string' ? parsedObject(value) : value;
  return Object.fromEntries(
    Object.entries(object).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

export const visitor = (row: VisitorRow): Visitor => ({
  id: row.id,
  siteId: row.site_id,
  name: row.name,
  email: row.email,
  externalId: row.external_id,
  attributes: attributesOf(row.attributes),
});

export const pageView = (row: PageViewRow): PageView => ({
  url: row.url,
  title: row.title,
  referrer: row.referrer,
  viewedAt: row.viewed_at,
});
