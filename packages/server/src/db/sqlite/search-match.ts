// The inbox search's terms as an FTS5 expression over the conversation search index (migration 013).

import type { SearchTerm } from '../../search/query.ts';

/** The token of a conversation's search key in the index's `conversation` column. */
export const keyToken = (key: number): string => `k${key}`;

/**
 * Every term in the text columns, the last maybe as a prefix, within the given conversations when
 * `keys` is not null. A prefix longer than the index's prefix lists makes FTS5 merge every matching
 * word's whole list (about 2 ms for a word in 10 % of a million messages): hence only the last word
 * is one. Each word is quoted, and quotes are separators, so `"`, `*`, `:`, `-`, parentheses, NEAR,
 * AND and OR typed by people are never FTS5 syntax: they are either dropped with the other
 * punctuation or looked for as words.
 */
export function matchExpression(terms: readonly SearchTerm[], keys: readonly number[] | null): string {
  const phrases = terms.map((term) => (term.prefix ? `"${term.word}"*` : `"${term.word}"`));
  const words = `{body visitor} : (${phrases.join(' ')})`;
  if (keys === null) return words;
  return `${words} AND conversation : (${keys.map(keyToken).join(' OR ')})`;
}
