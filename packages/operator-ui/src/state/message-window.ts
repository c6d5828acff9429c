// Which items of a long conversation are in the DOM: a run of them ending at the newest one (following along) or at a
// chosen one, grown and moved a step at a time as the operator scrolls, never more than a bounded number.

/** Items drawn when a conversation opens: more than two screens of short messages. */
export const WINDOW_SIZE = 60;
/** Items added (or moved by) when the operator scrolls to an edge of the window. */
export const WINDOW_STEP = 40;
/** The most items in the DOM at once, whatever the conversation's length. */
export const WINDOW_MAX = 200;
/** Items kept below a message brought into view, so it does not sit at the window's edge. */
const AROUND_MARGIN = 20;

export interface WindowAnchor {
  /** Key of the last item drawn; null while the window ends at the newest item and follows new ones. */
  lastKey: string | null;
  size: number;
}

export interface ItemRange {
  /** First item drawn (inclusive) and last (exclusive). */
  start: number;
  end: number;
}

export const LATEST: WindowAnchor = { lastKey: null, size: WINDOW_SIZE };

export function windowRange(keys: readonly string[], anchor: WindowAnchor): ItemRange {
  let end = keys.length;
  if (anchor.lastKey !== null) {
    const index = keys.indexOf(anchor.lastKey);
    // An item that left (a sent message replaced by its stored copy) leaves the window at the newest.
    if (index >= 0) end = index + 1;
  }
  return { start: Math.max(0, end - anchor.size), end };
}

/** The operator reached the top of the window: older items join it, and past the bound the newest ones leave. */
export function showEarlier(keys: readonly string[], anchor: WindowAnchor): WindowAnchor {
  const { start, end } = windowRange(keys, anchor);
  if (start === 0) return anchor;
  const size = anchor.size + Math.min(WINDOW_STEP, start);
  if (size <= WINDOW_MAX) return { lastKey: anchor.lastKey, size };
  const last = end - (size - WINDOW_MAX) - 1;
  return { lastKey: keys[last] ?? null, size: WINDOW_MAX };
}

/** The operator reached the bottom of a window that does not end at the newest item: it moves down a step. */
export function showLater(keys: readonly string[], anchor: WindowAnchor): WindowAnchor {
  if (anchor.lastKey === null) return anchor;
  const { end } = windowRange(keys, anchor);
  const nextEnd = end + WINDOW_STEP;
  if (nextEnd >= keys.length) return { lastKey: null, size: anchor.size };
  return { lastKey: keys[nextEnd - 1] ?? null, size: anchor.size };
}

/** Stops following: new items arrive below the window instead of pushing what is being read out of it. */
export function holdAt(keys: readonly string[], anchor: WindowAnchor): WindowAnchor {
  if (anchor.lastKey !== null || keys.length === 0) return anchor;
  return { lastKey: keys[keys.length - 1] ?? null, size: anchor.size };
}

/** A window that shows the item at `index` (a search result), with a margin after it. */
export function around(keys: readonly string[], index: number): WindowAnchor {
  const last = Math.min(keys.length - 1, index + AROUND_MARGIN);
  const size = Math.max(WINDOW_SIZE, AROUND_MARGIN * 2);
  return last >= keys.length - 1 ? { lastKey: null, size } : { lastKey: keys[last] ?? null, size };
}

/** Items the window leaves out after its end: what "Jump to latest" would show. */
export function laterCount(keys: readonly string[], anchor: WindowAnchor): number {
  return keys.length - windowRange(keys, anchor).end;
}
