// Which operators a message still mentions: `@Name` present in the text, at a word boundary.

import { foldForSearch } from './suggest.ts';

export interface Mentionable {
  id: string;
  name: string;
}

/** Where `needle` occurs in `folded` as a whole mention (nothing word-like right after it). */
function mentionPositions(folded: string, needle: string): number[] {
  const positions: number[] = [];
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
    const before = at === 0 ? ' ' : (folded[at - 1] ?? ' ');
    const after = folded[at + needle.length] ?? ' ';
    if (/[\s([{]/.test(before) && !/[\p{L}\p{N}_]/u.test(after)) positions.push(at);
  }
  return positions;
}

/**
 * The candidates whose `@Name` appears in the body (case- and accent-insensitive). Where two
 * names start at the same `@` ("@Bob Marley" and "@Bob"), the longer one is meant.
 */
export function mentionedIn<T extends Mentionable>(body: string, candidates: readonly T[]): T[] {
  const folded = foldForSearch(body);
  const longestAt = new Map<number, { candidate: T; length: number }>();
  for (const candidate of candidates) {
    const needle = `@${foldForSearch(candidate.name)}`;
    for (const at of mentionPositions(folded, needle)) {
      const current = longestAt.get(at);
      if (!current || needle.length > current.length) longestAt.set(at, { candidate, length: needle.length });
    }
  }
  const found = new Set([...longestAt.values()].map((entry) => entry.candidate));
  return candidates.filter((candidate) => found.has(candidate));
}
