// The conversation search index in PostgreSQL (003_search.sql): matching rows newest first, and who may
// be searched for what.

import type { SearchTerm } from '../../search/query.ts';
import type { SearchHit, SearchIndexMerge, SearchRepository } from '../../search/repository.ts';
import type { PgDb } from './connection.ts';
import { type HitRow, hit } from '../rows/search.ts';

/**
 * Positions come from an identity: a row written by a transaction that commits after a later one may
 * appear behind a cursor already handed out, and be found by the next search rather than the next page.
 */
const HITS = `SELECT s.position, k.conversation_id, s.seq, m.id AS message_id, m.body, m.visibility, m.created_at
  FROM conversation_search s
  JOIN conversation_search_keys k ON k.key = s.key
  LEFT JOIN messages m ON m.conversation_id = k.conversation_id AND m.seq = s.seq
  WHERE s.words @@ search_query($1::text[], $2::boolean[]) AND s.position < $3
    AND ($5::integer[] IS NULL OR s.key = ANY($5::integer[]))
  ORDER BY s.position DESC LIMIT $4`;

// The conversation rules (canRead, mayRead in conversations/service.ts) in SQL, as in db/sqlite/search.ts:
// those the operator is in, open ones waiting in the queue that they did not leave, and those that
// mention them. Widening those rules means widening this, or search finds less than it may.
const CANDIDATES = `SELECT k.key FROM conversation_search_keys k WHERE k.conversation_id IN (
    SELECT m.conversation_id FROM conversation_members m WHERE m.operator_id = $1 AND m.active
    UNION SELECT c.id FROM conversations c WHERE c.status = 'open' AND c.assigned_operator_id IS NULL
      AND NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id
        AND (m.active OR (m.operator_id = $1 AND m.left_at IS NOT NULL)))
    UNION SELECT conversation_id FROM conversation_mentions WHERE operator_id = $1)
  ORDER BY k.key`;

export class PostgresSearchRepository implements SearchRepository {
  constructor(private readonly db: PgDb) {}

  async hits(
    terms: readonly SearchTerm[],
    keys: readonly number[] | null,
    before: number,
    limit: number,
  ): Promise<SearchHit[]> {
    const rows = await this.db.query<HitRow>(HITS, [
      terms.map((term) => term.word),
      terms.map((term) => term.prefix),
      before,
      limit,
      keys,
    ]);
    return rows.map(hit);
  }

  async candidateKeys(operatorId: string): Promise<number[]> {
    return (await this.db.query<{ key: number }>(CANDIDATES, [operatorId])).map((row) => row.key);
  }

  async cursorSecret(): Promise<Buffer> {
    const row = await this.db.one<{ secret: Buffer }>('SELECT secret FROM search_cursor_secret WHERE id = 1');
    if (!row) throw new Error('the search cursor secret is missing (migration 003)');
    return row.secret;
  }
}

/**
 * A GIN index has no segments to merge: PostgreSQL folds its pending list in as it goes (and at
 * vacuum), so every step finds nothing left to do and the quiet merges never start.
 */
export class PostgresSearchIndexMerge implements SearchIndexMerge {
  mergeStep(_pages: number): boolean {
    return false;
  }

  writes(): number {
    return 0;
  }

  segments(): number {
    return 0;
  }
}
