// How long the widget waits when the server says it is asked too much: a rate_limited frame, an HTTP 429,
// or a socket closed because too many are open.

/** Never sooner than this, whatever the hint says: a zero or missing hint must not become a tight loop. */
export const MIN_WAIT_MS = 1_000;
/** Never later than this: a hint from a misconfigured proxy should not silence the chat for an hour. */
export const MAX_WAIT_MS = 5 * 60_000;
/** When the server gave no usable hint (or the browser hid the header). */
export const DEFAULT_WAIT_MS = 5_000;
/** After close 4029 (too many sockets): the tabs already open keep chatting; this one tries again much later. */
export const TOO_MANY_SOCKETS_WAIT_MS = 60_000;

/** The server's hint in milliseconds, bounded; the default without one (missing, zero or unreadable). */
export const boundedWait = (hintMs: number | undefined): number =>
  Math.min(MAX_WAIT_MS, Math.max(MIN_WAIT_MS, hintMs || DEFAULT_WAIT_MS));

/**
 * `Retry-After` in seconds, bounded; the default when absent or unreadable. The server sends seconds;
 * the HTTP-date form (RFC 9110) is not worth its bytes in the widget, and falls back to the default.
 */
export const retryAfterMs = (header: string | null): number => boundedWait(Number(header) * 1000);

/**
 * The wait after close 4029, with up to half of it again as jitter, so that the tabs refused together
 * do not all come back in the same second.
 */
export function tooManySocketsDelay(random: () => number = Math.random): number {
  return Math.round(TOO_MANY_SOCKETS_WAIT_MS * (1 + random() / 2));
}

/**
 * A request to the site's visitor routes that answers 429 is sent once more after the wait the server
 * asked for; a second 429 is the caller's to report. `wait` is replaceable in tests.
 */
export async function fetchAfterLimit(
  send: () => Promise<Response>,
  wait: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Response> {
  const response = await send();
  if (response.status !== 429) return response;
  await wait(retryAfterMs(response.headers.get('retry-after')));
  return send();
}
