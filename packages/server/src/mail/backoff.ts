// When a failed email is tried again: the configured waits in turn, then never (it is `failed`).

/** After `attemptsMade` failed attempts, when the next one is due; null once every wait was used. */
export function nextAttemptAt(attemptsMade: number, waitsMs: readonly number[], from: Date): Date | null {
  const wait = waitsMs[attemptsMade - 1];
  return wait === undefined ? null : new Date(from.getTime() + wait);
}
