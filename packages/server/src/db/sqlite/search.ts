// The conversation search index in SQLite (migration 013): matching rows newest first, and who may be
// searched for what.

import type { SearchHit, SearchRepository, SearchIndexMerge } from '../../search/repository.ts';
import type { SearchTerm } from '../../search/query.ts';
import type { Db } from './connection.ts';
import { matchExpression } from './search-match.ts';
import { type HitRow, hit } from '../rows/search.ts';

export class SqliteSearchRepository implements SearchRepository {
  private readonly selectHits;
  private readonly selectCandidates;
  private readonly selectSecret;

  constructor(db: Db) {
    // FTS5 reads the matching rowids backwards and stops at the limit; the joins only run for the
    // rows returned. A message row whose message is gone (never today) comes back without it and
    // is dropped by the caller.
    this.selectHits = db.prepare<{ match: string; before: number; limit: number }, HitRow>(
      `SELECT s.rowid AS position, k.conversation_id, s.seq, m.id AS message_id, m.body, m.visibility, m.created_at
       FROM conversation_search s
       JOIN conversation_search_keys k ON k.key = s.key
       LEFT JOIN messages m ON m.conversation_id = k.conversation_id AND m.seq = s.seq
       WHERE s.conversation_search MATCH @match AND s.rowid < @before
       ORDER BY s.rowid DESC LIMIT @limit`,
    );
    // The conversation rules (canRead, mayRead in conversations/service.ts) in SQL: those the
    // operator is in (open, or closed while they were in it), open ones waiting in the queue that
    // they did not leave, and those that mention them. Widening those rules means widening this, or
    // search finds less than it may.
    this.selectCandidates = db
      .prepare<{ operatorId: string }, [number]>(
        `SELECT k.key FROM conversation_search_keys k WHERE k.conversation_id IN (
           SELECT c.id FROM conversation_members m JOIN conversations c ON c.id = m.conversation_id
             WHERE m.operator_id = @operatorId AND m.active = 1
           UNION SELECT c.id FROM conversations c WHERE c.status = 'open' AND c.assigned_operator_id IS NULL
             AND NOT EXISTS (SELECT 1 FROM conversation_members m WHERE m.conversation_id = c.id
               AND (m.active = 1 OR (m.operator_id = @operatorId AND m.left_at IS NOT NULL)))
           UNION SELECT conversation_id FROM conversation_mentions WHERE operator_id = @operatorId)
         ORDER BY k.key`,
      )
      .raw(true);
    this.selectSecret = db.prepare<[], { secret: Buffer }>('SELECT secret FROM search_cursor_secret WHERE id = 1');
  }

  async hits(
    terms: readonly SearchTerm[],
    keys: readonly number[] | null,
    before: number,
    limit: number,
  ): Promise<SearchHit[]> {
    return this.selectHits.all({ match: matchExpression(terms, keys), before, limit }).map(hit);
  }

  async candidateKeys(operatorId: string): Promise<number[]> {
    return this.selectCandidates.all({ operatorId }).map(([key]) => key);
  }

  async cursorSecret(): Promise<Buffer> {
    const row = this.selectSecret.get();
    if (!row) throw new Error('the search cursor secret is missing (migration 013)');
    return row.secret;
  }
}
export class SqliteSearchIndexMerge implements SearchIndexMerge {
  private readonly merge;
  private readonly totalChanges;
  private readonly countSegments;

  constructor(db: Db) {
    // FTS5 reads the page count as an integer only, and better-sqlite3 binds numbers as reals.
    this.merge = db.prepare<[bigint]>(
      "INSERT INTO conversation_search (conversation_search, rank) VALUES ('merge', ?)",
    );
    this.totalChanges = db.prepare<[], number>('SELECT total_changes()').pluck();
    // Each segment has at least one row in the index's b-tree of leaf pages.
    this.countSegments = db.prepare<[], number>('SELECT count(DISTINCT segid) FROM conversation_search_idx').pluck();
  }

  mergeStep(pages: number): boolean {
    const before = this.writes();
    this.merge.run(BigInt(pages));
    // FTS5's documented signal: a step that merged something changed two rows or more.
    return this.writes() - before >= 2;
  }

  writes(): number {
    return this.totalChanges.get() ?? 0;
  }

  segments(): number {
    return this.countSegments.get() ?? 0;
  }
}
