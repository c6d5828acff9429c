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

/**
 * One socket's reconnect attempts: the backoff grows with every failed attempt, starts over once
 * connected, and stays within 2 s for a while after the server said it restarts.
 */
export class RetrySchedule {
  private attempt = 0;
  private restartUntil = 0;

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** The delay before the next attempt, which it counts. */
  next(random: () => number = Math.random): number {
    const attempt = this.now() < this.restartUntil ? Math.min(this.attempt, RESTART_MAX_ATTEMPT) : this.attempt;
    this.attempt++;
    return backoffDelay(attempt, random);
  }

  /** Connected again: the next loss starts from the shortest delay. */
  reset(): void {
    this.attempt = 0;
  }

  /** The server closed with 1012: retries start over and stay short for `RESTART_WINDOW_MS`. */
  restarting(): void {
    this.attempt = 0;
    this.restartUntil = this.now() + RESTART_WINDOW_MS;
  }
}
