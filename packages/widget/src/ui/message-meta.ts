// What is written beside a message: its time, the operator's initials and colour, and the visitor's delivered/seen mark.

/** "14:05" (or "2:05 PM") today; "3 Dec, 14:05" another day; in the visitor's language and time zone. */
export function timeLabel(iso: string, locale: string, now = new Date()): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return '';
  const time = at.toLocaleTimeString(locale, { hour: 'numeric', minute: '2-digit' });
  if (at.toDateString() === now.toDateString()) return time;
  return `${at.toLocaleDateString(locale, { day: 'numeric', month: 'short' })}, ${time}`;
}

/** The browser's own variant of the widget's language (`en-GB` for `en`: 24-hour times), or the language itself. */
export const timeLocale = (lang: string, browser: readonly string[] = []): string =>
  browser.find((tag) => tag.toLowerCase().split('-')[0] === lang) ?? lang;

/** `Alice Martin` → `AM`, `Zoë` → `Z`: the first letters of the first and last words. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const picked = words.length > 1 ? [words[0], words.at(-1)] : words;
  return picked.map((word) => [...(word ?? '')][0]?.toLocaleUpperCase() ?? '').join('');
}

/** A hue from the operator's id: the same operator always gets the same colour, dark enough for white text. */
export function colourOf(id: string): string {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return `hsl(${hash % 360} 55% 36%)`;
}

/** A visitor's message the server has stored is delivered; seen once an operator's read marker reached its seq. */
export const markOf = (seq: number, seenSeq: number): 'seen' | 'delivered' => (seq <= seenSeq ? 'seen' : 'delivered');
