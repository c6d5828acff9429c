// Incoming socket frames held until the next animation frame and applied together, so a flood costs one render per frame.

export interface FrameScheduler {
  /** Runs `flush` soon (the next animation frame); returns a way to cancel it. */
  schedule(flush: () => void): () => void;
}

/** A hidden tab gets no animation frames: the timer makes sure alerts and counts still follow there. */
const HIDDEN_TAB_FALLBACK_MS = 100;

export const animationFrameScheduler: FrameScheduler = {
  schedule(flush) {
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      flush();
    };
    const frame = requestAnimationFrame(once);
    const timer = setTimeout(once, HIDDEN_TAB_FALLBACK_MS);
    return () => {
      done = true;
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  },
};

export class FrameQueue<F> {
  private waiting: F[] = [];
  private cancel: (() => void) | null = null;

  /** `applyBatch` receives every frame queued since the last batch, in arrival order. */
  constructor(
    private readonly applyBatch: (frames: readonly F[]) => void,
    private readonly scheduler: FrameScheduler,
  ) {}

  get size(): number {
    return this.waiting.length;
  }

  push(frame: F): void {
    this.waiting.push(frame);
    if (!this.cancel) this.cancel = this.scheduler.schedule(() => this.flush());
  }

  /** Applies what waits now: before a frame that must not wait (a new connection's welcome). */
  flush(): void {
    this.cancel?.();
    this.cancel = null;
    if (this.waiting.length === 0) return;
    const frames = this.waiting;
    this.waiting = [];
    this.applyBatch(frames);
  }

  /** Forgets what waits: the connection it came from is gone and the next one starts over. */
  clear(): void {
    this.cancel?.();
    this.cancel = null;
    this.waiting = [];
  }
}
