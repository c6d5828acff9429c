// Attachment URLs as the widget uses them: paths on the chat server, and signed ones that expire.

/** The attachment's URL on the chat server (the server sends paths). */
export const fileUrl = (origin: string, path: string): string => new URL(path, `${origin}/`).href;

/** When a signed URL stops working (ms since the epoch), or null when it does not say. */
export function expiresAt(url: string): number | null {
  const expires = Number(new URL(url, 'http://x').searchParams.get('expires'));
  return expires > 0 ? expires * 1000 : null;
}

/** Expired, or about to: a link used now would answer 410, so fresh URLs are read first. */
export const isStale = (url: string, now = Date.now()): boolean => {
  const at = expiresAt(url);
  return at !== null && at - 5_000 <= now;
};
