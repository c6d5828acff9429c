// How long to wait before reconnecting: exponential backoff with jitter, so many clients that
// lose the server at once do not all return in the same instant.

const BASE_MS = 500;
const MAX_MS = 30_000;

/** Delay before reconnect attempt `attempt` (0 for the first): half fixed, half random. */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_MS, BASE_MS * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
