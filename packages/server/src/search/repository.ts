// The conversation search index: matching rows newest first, and who may be searched for what.

import type { Visibility } from '@livechat/protocol';
import type { SearchTerm } from './query.ts';

/** One row of the index that matched: a message, or the visitor's name and email (`message` null). */
export interface SearchHit {
  /** The row's place in the index: later writes have higher ones. */
  position: number;
  conversationId: string;
  message: { id: string; seq: number; body: string; visibility: Visibility; createdAt: string } | null;
  /** A message's row whose message no longer exists (nothing deletes messages today): skipped. */
  gone: boolean;
}

export interface SearchRepository {
  /**
   * Rows matching every term whose position is below `before`, newest first; only in the
   * conversations of these search keys when `keys` is not null.
   */
  hits(
    terms: readonly SearchTerm[],
    keys: readonly number[] | null,
    before: number,
    limit: number,
  ): Promise<SearchHit[]>;
  /**
   * Search keys of the conversations an operator (not an admin) may read, by the conversation
   * rules written as SQL. Each hit is still checked with the rules themselves before it is shown.
   */
  candidateKeys(operatorId: string): Promise<number[]>;
  /** The key that seals search cursors, kept in the database so that cursors outlive a restart. */
  cursorSecret(): Promise<Buffer>;
}

/**
 * Keeping the index in few segments, a bounded step at a time. SQLite only: the steps are FTS5's
 * own 'merge' command, and each is a short write transaction of its own.
 */
export interface SearchIndexMerge {
  /**
   * Merges segments of a level that holds two or more, writing about `pages` pages (more when
   * one word's list is longer: a word is never split between steps). False when nothing was left.
   */
  mergeStep(pages: number): boolean;
  /** A count that grows with every write on the connection, a merge step's own included. */
  writes(): number;
  /** How many segments the index is in now: what each word's lookup visits. */
  segments(): number;
}
