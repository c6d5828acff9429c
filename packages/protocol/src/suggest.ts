// Matching and ranking for the composer's suggestions (/commands, :canned, @mentions): pure and
// fast, shared by the operator UI and the benchmarks.

/** Lower-cases and strips accents, so "Électricité" matches "electri". */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
}

export interface Ranked<T> {
  item: T;
  /** 0 when a key starts with the term, 1 when it only contains it. */
  tier: number;
}

/**
 * Keeps the items whose keys contain the term (case- and accent-insensitive), prefix matches
 * first, then by `tiebreak`, and returns at most `limit`. Keys should be folded in advance with
 * `foldForSearch` when the same list is filtered on every keystroke.
 */
export function rankMatches<T>(
  items: readonly T[],
  term: string,
  foldedKeys: (item: T) => readonly string[],
  tiebreak: (a: T, b: T) => number,
  limit = Number.POSITIVE_INFINITY,
): T[] {
  const folded = foldForSearch(term);
  const ranked: Ranked<T>[] = [];
  for (const item of items) {
    let tier = -1;
    for (const key of foldedKeys(item)) {
      const at = key.indexOf(folded);
      if (at === 0) {
        tier = 0;
        break;
      }
      if (at > 0) tier = 1;
    }
    if (tier >= 0) ranked.push({ item, tier });
  }
  ranked.sort((a, b) => a.tier - b.tier || tiebreak(a.item, b.item));
  return ranked.slice(0, limit).map((entry) => entry.item);
}

/** The `:term` or `@term` being typed at the cursor, when its trigger starts the text or follows whitespace. */
export interface ActiveToken {
  trigger: string;
  /** Index of the trigger character. */
  start: number;
  term: string;
}

export function activeToken(text: string, cursor: number, triggers: string): ActiveToken | null {
  const before = text.slice(0, cursor);
  const match = /(^|\s)([^\s])([^\s]*)$/.exec(before);
  if (!match) return null;
  const trigger = match[2] ?? '';
  if (!triggers.includes(trigger)) return null;
  const term = match[3] ?? '';
  return { trigger, start: cursor - term.length - 1, term };
}

/** Replaces `text[start, end)` with `insert` plus a space, and returns the new text and cursor. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const inserted = `${insert} `;
  const after = text.slice(end).replace(/^ /, '');
  return { text: text.slice(0, start) + inserted + after, cursor: start + inserted.length };
}
