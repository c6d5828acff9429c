// A plain-text excerpt around the words a search matched, with where they are in it.

import { fold, type SearchTerm, WORD_SEPARATORS } from './query.ts';

export interface Snippet {
  snippet: string;
  /** [start, end) offsets into `snippet`, in UTF-16 code units (JavaScript string indexes). */
  highlights: Array<[number, number]>;
}

/** Long enough for a sentence either side of the match, short enough for one row of results. */
export const SNIPPET_LENGTH = 160;
/** How much comes before the first match when the text is cut. */
const LEAD = 40;
const ELLIPSIS = '…';

interface Word {
  start: number;
  end: number;
}

/** Where each word of the text is, split as the index splits it. */
function words(text: string): Word[] {
  const separators = new RegExp(WORD_SEPARATORS.source, 'gu');
  const found: Word[] = [];
  let start = 0;
  for (const match of text.matchAll(separators)) {
    if (match.index > start) found.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) found.push({ start, end: text.length });
  return found;
}

const matches = (word: string, terms: readonly SearchTerm[]): boolean => {
  const folded = fold(word);
  return terms.some((term) => (term.prefix ? folded.startsWith(term.folded) : folded === term.folded));
};

/** The nearest whitespace at or before `index` (searching back at most `reach`), else `index`. */
function cutBefore(text: string, index: number, reach: number): number {
  for (let i = index; i > Math.max(0, index - reach); i--) if (/\s/.test(text[i - 1] ?? '')) return i;
  return avoidSurrogateSplit(text, index);
}

/** The nearest word start at or after `index` (searching on at most `reach`), else `index`. */
function cutAfter(text: string, index: number, reach: number): number {
  for (let i = index; i <= index + reach; i++) if (/\s/.test(text[i - 1] ?? '')) return i;
  return avoidSurrogateSplit(text, index);
}

const avoidSurrogateSplit = (text: string, index: number): number =>
  /[\udc00-\udfff]/.test(text[index] ?? '') ? index - 1 : index;

/**
 * The text, or a window of it starting a little before the first matched word, cut at spaces where
 * it can be, with an ellipsis where text was left out. Line breaks become spaces (one for one, so
 * offsets stay right). No match (a word the index folds differently): the start of the text.
 */
export function snippetOf(text: string, terms: readonly SearchTerm[]): Snippet {
  const flat = text.replace(/\s/g, ' ');
  const hits = words(flat).filter((word) => matches(flat.slice(word.start, word.end), terms));
  let from = 0;
  let to = flat.length;
  if (flat.length > SNIPPET_LENGTH) {
    const first = hits[0]?.start ?? 0;
    // A match near the end still gets the full length, ending with the text.
    from = Math.max(0, Math.min(first - LEAD, flat.length - SNIPPET_LENGTH));
    // Forward to a word's start, never past the first match.
    if (from > 0) from = cutAfter(flat, from, Math.min(LEAD, first - from));
    if (from + SNIPPET_LENGTH < flat.length) to = cutBefore(flat, from + SNIPPET_LENGTH, LEAD);
    while (to > from + 1 && flat[to - 1] === ' ') to--;
  }
  const lead = from > 0 ? ELLIPSIS : '';
  const snippet = `${lead}${flat.slice(from, to)}${to < flat.length ? ELLIPSIS : ''}`;
  const shift = lead.length - from;
  const highlights = hits
    .filter((word) => word.start >= from && word.end <= to)
    .map((word): [number, number] => [word.start + shift, word.end + shift]);
  return { snippet, highlights };
}
