// Merges the search index's segments in the server's quiet moments, one short step at a time.

import type { Logger } from '../realtime/connection.ts';
import type { SearchIndexMerge } from './repository.ts';

/**
 * Pages one step writes. Over a million messages a step took about 1 ms at the median and 12 ms at
 * the 99th percentile (the longest word lists, which a step never splits); a message that arrives
 * meanwhile waits for one step at most.
 */
export const PAGES_PER_STEP = 16;

/**
 * Every message writes a small segment of its own, and FTS5 merges them as they come only when four
 * pile up on one level, so a busy index is in dozens of segments, and an operator's search looks up
 * each of their conversations in every one. Merging them all at once (FTS5's optimize) takes over a
 * second for a million messages: too long to hold the event loop. Instead, once nothing has been
 * written for a whole check interval, steps run back to back, each yielding to the event loop; the
 * first write from anywhere else pauses them until the next quiet interval, and they stop when
 * nothing is left to merge. While the index stays merged, a check is one integer read. A merge
 * that a write cuts short is carried on by the appends' own merging (FTS5's automerge, in its
 * usual slices) until the next quiet interval: the sooner quiet comes back, the less they do.
 */
export class QuietMerge {
  private readonly timer: NodeJS.Timeout;
  /** The connection's write count at the last check: a change means the server was not quiet. */
  private seen: number;
  /** The write count when the index was last found with nothing to merge. */
  private mergedAt: number | null = null;
  private merging = false;
  private stopped = false;
  /** Steps that merged something, since start. */
  steps = 0;

  constructor(
    private readonly index: SearchIndexMerge,
    checkEveryMs: number,
    private readonly log: Logger,
    private readonly pagesPerStep = PAGES_PER_STEP,
  ) {
    this.seen = index.writes();
    this.timer = setInterval(() => this.check(), checkEveryMs);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  /** True when the index was found merged and nothing has been written since. */
  get settled(): boolean {
    return this.mergedAt !== null && this.mergedAt === this.index.writes();
  }

  stop(): void {
    this.stopped = true;
    clearInterval(this.timer);
  }

  private check(): void {
    if (this.merging || this.stopped) return;
    const writes = this.index.writes();
    const quiet = writes === this.seen;
    this.seen = writes;
    if (quiet && writes !== this.mergedAt) this.runSteps();
  }

  private runSteps(): void {
    this.merging = true;
    try {
      if (!this.index.mergeStep(this.pagesPerStep)) {
        this.merging = false;
        this.mergedAt = this.index.writes();
        this.seen = this.mergedAt;
        return;
      }
      this.steps++;
    } catch (err) {
      // Left for the next quiet interval: the index is whole either way, a step being a transaction.
      this.merging = false;
      this.log.error({ err }, 'search index merge step failed');
      return;
    }
    const after = this.index.writes();
    setImmediate(() => {
      // Another write between two steps: the server is busy again, wait for a quiet interval.
      if (this.stopped || this.index.writes() !== after) {
        this.merging = false;
        this.seen = -1;
        return;
      }
      this.runSteps();
    });
  }
}
