// What an operator types into the inbox search, turned into the terms the index matches and a snippet highlights.

/**
 * What the index's tokenizer (unicode61, default categories "L* N* Co") does not keep inside a
 * word. A quoted word must be one token to the index: with detail=column a phrase of two is an
 * error. The New Tai Lue and Vedic signs listed are letters to JavaScript but separators to FTS5.
 */
export const WORD_SEPARATORS = /(?:[^\p{L}\p{N}\p{Co}]|[\u19b0-\u19c0\u19c8\u19c9\u1cf2\u1cf3])+/u;

/** Longer queries are refused by the route: nobody types 200 characters into a search box. */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond these are dropped: each is one more list for the index to intersect. */
export const MAX_WORDS = 12;
/**
 * A shorter last word is matched whole: the index keeps prefix lists of 3 and 4 letters, and a
 * shorter prefix would merge the lists of every word it begins.
 */
export const MIN_PREFIX_LENGTH = 3;

/** A word as the index compares it (lower case, without diacritics); `prefix` also matches longer words. */
export interface SearchTerm {
  /** As typed: the index reads it with the same rules it read the text with. */
  word: string;
  folded: string;
  prefix: boolean;
}

export interface SearchQuery {
  /** Every one must match; none when nothing in q is a word. */
  terms: SearchTerm[];
}

/** Close to what the index's tokenizer (unicode61 remove_diacritics 2) does to a word. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Every word must appear, in a message or in the visitor's name and email: whole words, and the
 * last one (still being typed) also as the beginning of a longer word. The words already finished
 * are not prefixes: a prefix costs the index far more than a whole word.
 */
export function searchQuery(text: string): SearchQuery {
  const words = text
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0)
    .slice(0, MAX_WORDS);
  const terms = words.map((word, i) => ({
    word,
    folded: fold(word),
    prefix: i === words.length - 1 && [...word].length >= MIN_PREFIX_LENGTH,
  }));
  return { terms };
}
