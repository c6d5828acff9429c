// Turning user-supplied URLs and message text into safe links: only http and https ever become a link.

/** The normalised URL when it is http(s), otherwise null (javascript:, data:, relative, garbage). */
export function httpUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

/** A short form of a URL for display: host and path, without the scheme. */
export function displayUrl(raw: string): string {
  const href = httpUrl(raw);
  if (href === null) return raw;
  const url = new URL(href);
  const path = url.pathname === '/' ? '' : url.pathname;
  return `${url.host}${path}${url.search}${url.hash}`;
}

export type TextSegment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'`]+/gi;

/** Splits message text into plain text and http(s) links, for rendering as text nodes and anchors. */
export function splitLinks(text: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let cursor = 0;
  for (const match of text.matchAll(URL_IN_TEXT)) {
    const candidate = trimTrailingPunctuation(match[0]);
    const href = httpUrl(candidate);
    if (href === null) continue;
    const start = match.index;
    if (start > cursor) segments.push({ kind: 'text', text: text.slice(cursor, start) });
    segments.push({ kind: 'link', text: candidate, href });
    cursor = start + candidate.length;
  }
  if (cursor < text.length) segments.push({ kind: 'text', text: text.slice(cursor) });
  return segments;
}

// Sentence punctuation after a URL belongs to the sentence; a closing bracket only when unmatched.
function trimTrailingPunctuation(url: string): string {
  let end = url.length;
  for (;;) {
    const last = url[end - 1];
    if (last !== undefined && '.,;:!?'.includes(last)) {
      end -= 1;
      continue;
    }
    if (last === ')' && count(url.slice(0, end), '(') < count(url.slice(0, end), ')')) {
      end -= 1;
      continue;
    }
    return url.slice(0, end);
  }
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}
