// A burst of frames becomes one batch per animation frame, in order, with one signal update per batch.

import { effect, signal } from '@preact/signals';
import { describe, expect, it } from 'vitest';
import { type FrameScheduler, FrameQueue } from './frame-queue.ts';

function manualScheduler() {
  const scheduled: Array<() => void> = [];
  const scheduler: FrameScheduler = {
    schedule(flush) {
      scheduled.push(flush);
      return () => {
        const index = scheduled.indexOf(flush);
        if (index >= 0) scheduled.splice(index, 1);
      };
    },
  };
  const nextFrame = () => {
    for (const flush of scheduled.splice(0)) flush();
  };
  return { scheduler, scheduled, nextFrame };
}

describe('the frame queue', () => {
  it('applies a thousand frames of one burst as one batch at the next frame, in arrival order', () => {
    const { scheduler, scheduled, nextFrame } = manualScheduler();
    const batches: number[][] = [];
    const queue = new FrameQueue<number>((frames) => batches.push([...frames]), scheduler);
    for (let n = 1; n <= 1000; n++) queue.push(n);
    expect(batches).toEqual([]);
    expect(scheduled).toHaveLength(1);
    nextFrame();
    expect(batches).toHaveLength(1);
    expect(batches[0]).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    queue.push(1001);
    nextFrame();
    expect(batches.at(-1)).toEqual([1001]);
  });

  it('notifies what is drawn once per batch however many frames changed the state', async () => {
    const { batch } = await import('@preact/signals');
    const { scheduler, nextFrame } = manualScheduler();
    const messages = signal<readonly number[]>([]);
    let renders = 0;
    const stop = effect(() => {
      void messages.value;
      renders += 1;
    });
    const queue = new FrameQueue<number>(
      (frames) =>
        batch(() => {
          for (const frame of frames) messages.value = [...messages.value, frame];
        }),
      scheduler,
    );
    for (let n = 0; n < 500; n++) queue.push(n);
    nextFrame();
    expect(messages.value).toHaveLength(500);
    expect(renders).toBe(2); // the first run, then one for the whole batch
    stop();
  });

  it('flushes at once when asked, and the scheduled frame then finds nothing to do', () => {
    const { scheduler, scheduled, nextFrame } = manualScheduler();
    const batches: string[][] = [];
    const queue = new FrameQueue<string>((frames) => batches.push([...frames]), scheduler);
    queue.push('a');
    queue.push('b');
    queue.flush();
    expect(batches).toEqual([['a', 'b']]);
    expect(scheduled).toHaveLength(0);
    nextFrame();
    expect(batches).toHaveLength(1);
  });

  it('drops what waits when cleared', () => {
    const { scheduler, nextFrame } = manualScheduler();
    const batches: string[][] = [];
    const queue = new FrameQueue<string>((frames) => batches.push([...frames]), scheduler);
    queue.push('old');
    queue.clear();
    nextFrame();
    expect(batches).toEqual([]);
    expect(queue.size).toBe(0);
  });
});

describe('runs of new messages', () => {
  it('groups consecutive new messages of one conversation, keeping every other frame in its place', async () => {
    const { messageRuns } = await import('./frame-queue.ts');
    const { aMessage } = await import('../test-fixtures.ts');
    const created = (seq: number, conversationId = 'c1') =>
      ({ type: 'message.created', message: aMessage(seq, { conversationId }) }) as const;
    const typing = {
      type: 'typing',
      conversationId: 'c1',
      author: { kind: 'visitor', id: 'v1', name: 'Ada' },
      active: true,
    } as const;
    const runs = messageRuns([created(1), created(2), created(3), typing, created(4), created(1, 'c2'), created(5)]);
    expect(
      runs.map((run) =>
        run.kind === 'messages'
          ? `${run.conversationId}:${run.frames.map((frame) => frame.message.seq).join(',')}`
          : run.frame.type,
      ),
    ).toEqual(['c1:1,2,3', 'typing', 'c1:4', 'c2:1', 'c1:5']);
  });
});
