// The one place that speaks SQLite's full-text dialect (FTS5) for ticket search.

import { WORD_SEPARATORS } from '../../search/query.ts';

/** What a /search_tickets query asks for: a ticket number, words, or both. */
export interface TicketQuery {
  number: number | null;
  /** Every word as a whole token: fast, whatever the number of tickets. Null when no word is searchable. */
  exact: string | null;
  /** The same with the last word as a prefix ("dimm" finds "dimmer"): the fallback when exact finds nothing. */
  prefix: string | null;
}

/** Counting stops here: beyond it, "1000+" says enough and costs nothing more. */
export const COUNT_CAP = 1000;

/**
 * Turns free text into FTS5 expressions: every word must appear (in any column), each quoted so
 * that operators and punctuation typed by people are never FTS5 syntax.
 */
export function ticketQuery(text: string): TicketQuery {
  const trimmed = text.trim();
  const numeric = /^#?(\d{1,15})$/.exec(trimmed);
  const words = trimmed
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0)
    .slice(0, 12)
    .map((word) => `"${word}"`);
  return {
    number: numeric ? Number(numeric[1]) : null,
    exact: words.length > 0 ? words.join(' ') : null,
    prefix: words.length > 0 ? `${words.join(' ')}*` : null,
  };
}

// FTS5 walks a term's document list backwards for ORDER BY rowid DESC and stops at the LIMIT,
// so the newest tickets come first without sorting every match.
export const FTS_SEARCH_SQL =
  'SELECT rowid AS number FROM tickets_fts WHERE tickets_fts MATCH @match ORDER BY rowid DESC LIMIT @limit OFFSET @offset';
export const FTS_COUNT_SQL = `SELECT count(*) AS n FROM (SELECT 1 FROM tickets_fts WHERE tickets_fts MATCH @match LIMIT ${COUNT_CAP})`;
export const FTS_HAS_SQL = 'SELECT 1 AS one FROM tickets_fts WHERE tickets_fts MATCH @match AND rowid = @number';
