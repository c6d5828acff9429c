// How long to wait before the next reconnect attempt.

export const BACKOFF_MIN_MS = 500;
export const BACKOFF_MAX_MS = 15_000;

/** The ceiling for a given attempt (0-based): 0.5 s, 1 s, 2 s, 4 s … up to 15 s. */
export function backoffCeiling(attempt: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** Math.max(0, attempt));
}

/**
 * The ceiling with jitter: somewhere in its upper half, so thousands of widgets dropped by the same
 * server restart do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(attempt);
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/**
 * After the server said it restarts (close 1012), retries stay at most 2 s apart (instead of growing
 * to 15 s) for this long: a restart takes seconds, and visitors should not wait out a long backoff.
 */
export const RESTART_WINDOW_MS = 60_000;
const RESTART_MAX_ATTEMPT = 2;

/** The delay before retry `attempt`: the backoff, kept within 2 s while a server restart is under way. */
export function retryDelay(attempt: number, restarting: boolean, random: () => number = Math.random): number {
  return backoffDelay(restarting ? Math.min(attempt, RESTART_MAX_ATTEMPT) : attempt, random);
}
