// Waits for a first reply, measured in SQLite over a site's recent conversations.

import type { ResponseTimes } from '../../conversations/response-times.ts';
import type { Db } from './connection.ts';

export const MEDIAN_FIRST_RESPONSE = `
  WITH firsts AS (
    SELECT c.id,
      (SELECT min(m.seq) FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'visitor') AS asked_seq
    FROM conversations c
    WHERE c.site_id = ? AND c.created_at >= ?
  ), waits AS (
    SELECT (julianday(answer.created_at) - julianday(question.created_at)) * 86400 AS seconds
    FROM firsts f
    JOIN messages question ON question.conversation_id = f.id AND question.seq = f.asked_seq
    JOIN messages answer ON answer.conversation_id = f.id AND answer.seq = (
      SELECT min(m.seq) FROM messages m
      WHERE m.conversation_id = f.id AND m.seq > f.asked_seq AND m.author_kind = 'operator' AND m.visibility = 'public')
  ), ranked AS (
    SELECT seconds, row_number() OVER (ORDER BY seconds) AS n, count(*) OVER () AS total FROM waits
  )
  SELECT avg(seconds) AS median FROM ranked WHERE n IN ((total + 1) / 2, (total + 2) / 2)`;

export class SqliteResponseTimes implements ResponseTimes {
  private readonly median;

  constructor(db: Db) {
    this.median = db.prepare<[string, string], { median: number | null }>(MEDIAN_FIRST_RESPONSE);
  }

  async medianFirstResponseSeconds(siteId: string, since: string): Promise<number | null> {
    const median = this.median.get(siteId, since)?.median ?? null;
    return median === null ? null : Math.round(median);
  }
}
