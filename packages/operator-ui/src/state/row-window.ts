// Which rows of a long list of fixed-height rows are in the DOM: the visible ones plus a margin each side.

export interface RowWindow {
  /** First row rendered (inclusive) and last (exclusive). */
  start: number;
  end: number;
}

export function rowWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  margin = 10,
): RowWindow {
  if (count === 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
  const visible = Math.ceil(Math.max(0, viewportHeight) / rowHeight) + 1;
  const start = Math.max(0, Math.min(first, count - 1) - margin);
  const end = Math.min(count, first + visible + margin);
  return { start, end: Math.max(start, end) };
}

/** Close enough to the end of what is loaded to fetch the next page. */
export function nearEnd(window: RowWindow, count: number, threshold = 15): boolean {
  return count - window.end <= threshold;
}
