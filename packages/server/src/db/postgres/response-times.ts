// Waits for a first reply, measured in PostgreSQL over a site's recent conversations.

import type { ResponseTimes } from '../../conversations/response-times.ts';
import type { PgDb } from './connection.ts';

// percentile_cont(0.5) is the middle wait, or the mean of the two middle ones: the SQLite query's median.
export const MEDIAN_FIRST_RESPONSE = `
  WITH firsts AS (
    SELECT c.id,
      (SELECT min(m.seq) FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'visitor') AS asked_seq
    FROM conversations c
    WHERE c.site_id = $1 AND c.created_at >= $2
  ), waits AS (
    SELECT extract(epoch FROM answer.created_at - question.created_at)::double precision AS seconds
    FROM firsts f
    JOIN messages question ON question.conversation_id = f.id AND question.seq = f.asked_seq
    JOIN messages answer ON answer.conversation_id = f.id AND answer.seq = (
      SELECT min(m.seq) FROM messages m
      WHERE m.conversation_id = f.id AND m.seq > f.asked_seq AND m.author_kind = 'operator' AND m.visibility = 'public')
  )
  SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds) AS median FROM waits`;

export class PostgresResponseTimes implements ResponseTimes {
  constructor(private readonly db: PgDb) {}

  async medianFirstResponseSeconds(siteId: string, since: string): Promise<number | null> {
    const row = await this.db.one<{ median: number | null }>(MEDIAN_FIRST_RESPONSE, [siteId, since]);
    const median = row?.median ?? null;
    return median === null ? null : Math.round(median);
  }
}
