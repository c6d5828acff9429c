// How long to wait before reconnecting: exponential backoff with jitter, so many clients that
// lose the server at once do not all return in the same instant.

const BASE_MS = 500;
const MAX_MS = 30_000;

/** Delay before reconnect attempt `attempt` (0 for the first): half fixed, half random. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** After "too many sockets" a quick retry would only be refused again: wait this long (or for another tab to close). */
export const TOO_MANY_SOCKETS_WAIT_MS = 60_000;

export type AfterClose =
  | { kind: 'signed-out' }
  | { kind: 'too-many-sockets'; delayMs: number }
  | { kind: 'retry'; delayMs: number };

/** What a closed operator socket does next, from its close code and how many drops came in a row. */
export function afterClose(
  code: number,
  failures: number,
  codes: { sessionEnded: readonly number[]; tooManySockets: number },
  random: () => number = Math.random,
): AfterClose {
  if (codes.sessionEnded.includes(code)) return { kind: 'signed-out' };
  // Jitter too, so the tabs refused together do not all come back in the same instant.
  if (code === codes.tooManySockets) {
    return { kind: 'too-many-sockets', delayMs: Math.round(TOO_MANY_SOCKETS_WAIT_MS * (1 + random() / 2)) };
  }
  return { kind: 'retry', delayMs: reconnectDelay(Math.max(0, failures - 1), random) };
}
