// The one place that speaks SQLite's full-text dialect (FTS5) for ticket search.

/** What a /search_tickets query asks for: a ticket number, words, or both. */
export interface TicketQuery {
  number: number | null;
  /** An FTS5 MATCH expression, or null when no word is searchable. */
  match: string | null;
}

/**
 * Turns free text into an FTS5 expression: every word must appear (in any column), as a prefix,
 * each quoted so that operators and punctuation typed by people are never FTS5 syntax.
 */
export function ticketQuery(text: string): TicketQuery {
  const trimmed = text.trim();
  const numeric = /^#?(\d{1,15})$/.exec(trimmed);
  const words = trimmed
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  return {
    number: numeric ? Number(numeric[1]) : null,
    match: words.length > 0 ? words.map((word) => `"${word}"*`).join(' ') : null,
  };
}

export const FTS_SEARCH_SQL = `SELECT rowid AS number FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ? OFFSET ?`;
export const FTS_COUNT_SQL = `SELECT count(*) AS n FROM tickets_fts WHERE tickets_fts MATCH ?`;
export const FTS_HAS_SQL = `SELECT 1 AS one FROM tickets_fts WHERE tickets_fts MATCH ? AND rowid = ?`;
