// Splits message text into plain text and http(s) links; everything else stays text.

export type TextPart = string | { href: string; text: string };

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
/** Punctuation that ends a sentence rather than a URL: "see https://a.test/x." */
const TRAILING = /[.,;:!?'*]+$/;

/** Drops a closing bracket the URL did not open, as in "(see https://a.test/x)". */
function trimUrl(candidate: string): string {
  let url = candidate.replace(TRAILING, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (url.endsWith(close) && url.split(close).length > url.split(open).length) {
      url = url.slice(0, -1).replace(TRAILING, '');
    }
  }
  return url;
}

function isHttpUrl(text: string): boolean {
  try {
    const { protocol } = new URL(text);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export function linkify(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let from = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = trimUrl(match[0]);
    if (!isHttpUrl(url)) continue;
    const start = match.index;
    if (start > from) parts.push(text.slice(from, start));
    parts.push({ href: url, text: url });
    from = start + url.length;
  }
  if (from < text.length) parts.push(text.slice(from));
  return parts;
}
