// What a /search_tickets query asks PostgreSQL for: a ticket number, words, or both (003_search.sql's search_query).

import { WORD_SEPARATORS } from '../../search/query.ts';

/** Words with, for each, whether it also matches longer words: the parameters of search_query(). */
export interface TicketTerms {
  words: string[];
  prefixes: boolean[];
}

/** What a ticket query asks for. */
export interface TicketQuery {
  number: number | null;
  /** Every word as a whole word. Null when no word is searchable. */
  exact: TicketTerms | null;
  /** The same with the last word as a prefix ("dimm" finds "dimmer"): the fallback when exact finds nothing. */
  prefix: TicketTerms | null;
}

/** Counting stops here: beyond it, "1000+" says enough and costs nothing more. */
export const COUNT_CAP = 1000;

/** The words go to the query as parameters, never as SQL or tsquery syntax: search_query() quotes each. */
export function ticketQuery(text: string): TicketQuery {
  const trimmed = text.trim();
  const numeric = /^#?(\d{1,15})$/.exec(trimmed);
  const words = trimmed
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0)
    .slice(0, 12);
  if (words.length === 0) return { number: numeric ? Number(numeric[1]) : null, exact: null, prefix: null };
  return {
    number: numeric ? Number(numeric[1]) : null,
    exact: { words, prefixes: words.map(() => false) },
    prefix: { words, prefixes: words.map((_, i) => i === words.length - 1) },
  };
}
