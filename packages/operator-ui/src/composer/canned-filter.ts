// Filtering canned responses per keystroke: keys folded and ranked once, so each keystroke is one linear scan.

import type { CannedResponse } from '@livechat/protocol';
import { foldForSearch } from '@livechat/protocol';

export interface CannedIndex {
  /** Most used first (then most recently used, then by shortcut): the order within each match tier. */
  readonly entries: readonly CannedResponse[];
  /** Every folded shortcut joined by newlines (which no shortcut contains): one string to search. */
  readonly haystack: string;
  /** Where each entry's key starts in `haystack`, ascending. */
  readonly starts: Int32Array;
  /** Folded shortcut → response, for expanding an exact `:shortcut`. */
  readonly exact: ReadonlyMap<string, CannedResponse>;
}

/** How many suggestions a keystroke computes; the list shows 8 and scrolls for the rest. */
export const CANNED_SUGGESTION_LIMIT = 50;

function byUse(a: CannedResponse, b: CannedResponse): number {
  return (
    b.useCount - a.useCount ||
    (b.lastUsedAt ?? '').localeCompare(a.lastUsedAt ?? '') ||
    a.shortcut.localeCompare(b.shortcut)
  );
}

/** Done once per change of the list (a fetch, a live update), not per keystroke. */
export function indexCanned(responses: Iterable<CannedResponse>): CannedIndex {
  const entries = [...responses].sort(byUse);
  const keys = entries.map((response) => foldForSearch(response.shortcut));
  const exact = new Map<string, CannedResponse>();
  const starts = new Int32Array(entries.length);
  let offset = 0;
  entries.forEach((response, at) => {
    const key = keys[at] ?? '';
    starts[at] = offset;
    offset += key.length + 1;
    // A shortcut spelled exactly as typed wins over one that only folds to the same key.
    if (!exact.has(key) || response.shortcut === key) exact.set(key, response);
  });
  return { entries, haystack: keys.join('\n'), starts, exact };
}

/** The entry whose key holds `position` of the haystack: the last start at or before it. */
function entryAt(starts: Int32Array, position: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] as number) <= position) low = middle;
    else high = middle - 1;
  }
  return low;
}

/**
 * The responses whose shortcut contains `term` (case- and accent-insensitive): prefix matches
 * first, then the others, each most used first. `indexOf` over one joined string finds matches
 * far faster than a call per key; searching for newline + term finds only prefix matches; the
 * index's order makes sorting unnecessary; both walks stop once they have enough.
 */
export function filterCanned(index: CannedIndex, term: string, limit = CANNED_SUGGESTION_LIMIT): CannedResponse[] {
  const folded = foldForSearch(term);
  if (folded === '') return index.entries.slice(0, limit);
  if (folded.includes('\n') || limit <= 0) return [];
  const { entries, haystack, starts } = index;
  const found: CannedResponse[] = [];
  const isPrefix = new Set<number>();

  const takePrefix = (at: number) => {
    isPrefix.add(at);
    found.push(entries[at] as CannedResponse);
  };
  if (entries.length > 0 && haystack.startsWith(folded)) takePrefix(0);
  const needle = `\n${folded}`;
  for (let from = 0; found.length < limit; ) {
    const hit = haystack.indexOf(needle, from);
    if (hit < 0) break;
    takePrefix(entryAt(starts, hit + 1));
    from = hit + needle.length;
  }

  for (let from = 0; found.length < limit; ) {
    const hit = haystack.indexOf(folded, from);
    if (hit < 0) break;
    const at = entryAt(starts, hit);
    if (!isPrefix.has(at)) found.push(entries[at] as CannedResponse);
    // One hit per entry: continue at the next key.
    from = at + 1 < starts.length ? (starts[at + 1] as number) : haystack.length;
  }
  return found;
}

/** The response whose shortcut is exactly `term` (case- and accent-insensitive), if any. */
export function exactShortcut(index: CannedIndex, term: string): CannedResponse | null {
  if (term === '') return null;
  return index.exact.get(foldForSearch(term)) ?? null;
}
