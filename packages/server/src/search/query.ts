// What an operator types into the inbox search, turned into an FTS5 expression and the terms a snippet highlights.

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
  folded: string;
  prefix: boolean;
}

export interface SearchQuery {
  terms: SearchTerm[];
  /** The words as an FTS5 expression over the text columns; null when nothing in q is a word. */
  words: string | null;
}

/** Close to what the index's tokenizer (unicode61 remove_diacritics 2) does to a word. */
export function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * Every word must appear, in a message or in the visitor's name and email: whole words, and the
 * last one (still being typed) also as the beginning of a longer word. A prefix longer than the
 * index's prefix lists makes FTS5 merge every matching word's whole list (about 2 ms for a word in
 * 10 % of a million messages), so the words already finished are not prefixes. Each word is quoted,
 * and quotes are separators, so `"`, `*`, `:`, `-`, parentheses, NEAR, AND and OR typed by people
 * are never FTS5 syntax: they are either dropped with the other punctuation or looked for as words.
 */
export function searchQuery(text: string): SearchQuery {
  const words = text
    .split(WORD_SEPARATORS)
    .filter((word) => word.length > 0)
    .slice(0, MAX_WORDS);
  const terms = words.map((word, i) => ({
    folded: fold(word),
    prefix: i === words.length - 1 && [...word].length >= MIN_PREFIX_LENGTH,
  }));
  const phrases = words.map((word, i) => (terms[i]?.prefix ? `"${word}"*` : `"${word}"`));
  return { terms, words: phrases.length > 0 ? `{body visitor} : (${phrases.join(' ')})` : null };
}

/** The token of a conversation's search key in the index's `conversation` column. */
export const keyToken = (key: number): string => `k${key}`;

/** The words, within the given conversations only when `keys` is not null. */
export function matchExpression(words: string, keys: readonly number[] | null): string {
  if (keys === null) return words;
  return `${words} AND conversation : (${keys.map(keyToken).join(' OR ')})`;
}
