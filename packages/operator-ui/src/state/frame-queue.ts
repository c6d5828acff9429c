// Incoming socket frames held until the next animation frame and applied together, so a flood costs one render per frame.

import type { ServerToClient } from '@livechat/protocol';

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

type Created = Extract<ServerToClient, { type: 'message.created' }>;

export type FrameRun =
  | { kind: 'messages'; conversationId: string; frames: Created[] }
  | { kind: 'frame'; frame: ServerToClient };

/**
 * The frames in order, with each run of new messages of one conversation together: a conversation catching up
 * (thousands of `message.created` after a sync) is merged once per run rather than once per message.
 */
export function messageRuns(frames: readonly ServerToClient[]): FrameRun[] {
  const runs: FrameRun[] = [];
  let current = null as Extract<FrameRun, { kind: 'messages' }> | null;
  for (const frame of frames) {
    if (frame.type !== 'message.created') {
      current = null;
      runs.push({ kind: 'frame', frame });
    } else if (current?.conversationId === frame.message.conversationId) {
      current.frames.push(frame);
    } else {
      current = { kind: 'messages', conversationId: frame.message.conversationId, frames: [frame] };
      runs.push(current);
    }
  }
  return runs;
}
