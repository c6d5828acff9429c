// What a test server really stored, read alike on SQLite and PostgreSQL: JSON columns as values, and
// the search index through the store rather than through either engine's own index tables.

import { searchQuery } from '../src/search/query.ts';
import type { TestServer } from './harness.ts';

/** Rows of `from` (a table, with a `WHERE` of `?` placeholders if need be). */
export async function countRows(server: TestServer, from: string, ...params: unknown[]): Promise<number> {
  const [row] = await server.sql<{ n: number | string }>(`SELECT count(*) AS n FROM ${from}`, ...params);
  return Number(row?.n ?? 0);
}

/** A JSON column's value: PostgreSQL's jsonb comes back parsed (its keys in its own order), SQLite's as text. */
export const jsonValue = (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value);

/** Conversations whose indexed words match `text`, as any search would see them, whatever the store. */
export async function searchFinds(server: TestServer, text: string): Promise<string[]> {
  const hits = await server.app.store.search.hits(searchQuery(text).terms, null, Number.MAX_SAFE_INTEGER, 50);
  return hits.map((hit) => hit.conversationId);
}
