// Human-friendly relative times ("3 min ago") for messages and page views.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function relativeTime(iso: string, now: number, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  // A clock slightly ahead of the server's must not show "in 2 seconds".
  const elapsed = Math.max(0, now - then);
  if (elapsed < 45_000) return 'just now';
  if (elapsed < HOUR) return `${Math.max(1, Math.round(elapsed / MINUTE))} min ago`;
  if (elapsed < DAY) return `${Math.floor(elapsed / HOUR)} h ago`;
  if (elapsed < 2 * DAY) return 'yesterday';
  if (elapsed < 7 * DAY) return `${Math.floor(elapsed / DAY)} days ago`;
  return formatter(locale, 'date', { day: 'numeric', month: 'short', year: 'numeric' }).format(then);
}

/** Making a formatter costs far more than using one, and a busy conversation formats every message it draws. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, kind: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ''}|${kind}`;
  let found = formatters.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, found);
  }
  return found;
}

/** Clock time of a message, e.g. "14:05". */
export function clockTime(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  return formatter(locale, 'clock', { hour: '2-digit', minute: '2-digit' }).format(then);
}

/** Day and time of an earlier conversation, e.g. "3 Dec, 14:05". */
export function dayAndTime(iso: string, locale?: string): string {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  return formatter(locale, 'day-and-time', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(then);
}
