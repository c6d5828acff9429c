// The jobs' contract: a name is held by one work at a time; `exclusive` waits its turn, `once` passes.

import { describe, expect, it } from 'vitest';
import { freshStore, type OpenStore } from './fixtures.ts';

/** A promise the test settles when it chooses: a work that holds its name until then. */
function aGate(): { opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Lets every other pending callback and I/O have its turn, so that overlapping works would interleave. */
const aFewTurns = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

export function jobsContract(open: OpenStore): void {
  describe('jobs', () => {
    const store = freshStore(open);

    it('runs the works of one name one after the other, each caller’s in the order it asked', async () => {
      const log: string[] = [];
      let inside = 0;
      let most = 0;
      const work = (caller: string, n: number) => async () => {
        inside++;
        most = Math.max(most, inside);
        log.push(`${caller}${n}`);
        await aFewTurns();
        inside--;
        return `${caller}${n} done`;
      };
      const calls = [1, 2, 3].flatMap((n) => [
        store().jobs.exclusive('queue-hand-out', work('a', n)),
        store().jobs.exclusive('queue-hand-out', work('b', n)),
      ]);
      expect(await Promise.all(calls)).toEqual(['a1', 'b1', 'a2', 'b2', 'a3', 'b3'].map((w) => `${w} done`));
      expect(most).toBe(1);
      expect(log.filter((w) => w.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
      expect(log.filter((w) => w.startsWith('b'))).toEqual(['b1', 'b2', 'b3']);
    });

    it('lets works of other names run while one name is held', async () => {
      const gate = aGate();
      const held = store().jobs.exclusive('close:c1', () => gate.opened);
      expect(await store().jobs.exclusive('close:c2', async () => 'closed c2')).toBe('closed c2');
      expect(await store().jobs.once('retention', async () => {})).toBe(true);
      gate.open();
      await held;
    });

    it('passes a periodic pass while another runs, and runs the next one after', async () => {
      const gate = aGate();
      let passes = 0;
      const first = store().jobs.once('retention', async () => {
        passes++;
        await gate.opened;
      });
      expect(await store().jobs.once('retention', async () => void passes++)).toBe(false);
      gate.open();
      expect(await first).toBe(true);
      expect(await store().jobs.once('retention', async () => void passes++)).toBe(true);
      expect(passes).toBe(2);
    });

    it('passes while an exclusive work holds the name, and makes an exclusive one wait for a pass', async () => {
      const gate = aGate();
      const log: string[] = [];
      const holding = store().jobs.exclusive('mail', async () => {
        log.push('exclusive');
        await gate.opened;
      });
      expect(await store().jobs.once('mail', async () => void log.push('pass'))).toBe(false);
      gate.open();
      await holding;

      const second = aGate();
      const pass = store().jobs.once('mail', async () => {
        log.push('pass');
        await second.opened;
      });
      const after = store().jobs.exclusive('mail', async () => void log.push('exclusive after'));
      await aFewTurns();
      second.open();
      await Promise.all([pass, after]);
      expect(log).toEqual(['exclusive', 'pass', 'exclusive after']);
    });

    it('releases a name whose work threw, rejecting with what it threw', async () => {
      const failure = new Error('the mail server went away');
      await expect(
        store().jobs.exclusive('close:c1', async () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store().jobs.exclusive('close:c1', async () => 'closed')).toBe('closed');

      await expect(
        store().jobs.once('mail', async () => {
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store().jobs.once('mail', async () => {})).toBe(true);
    });

    it('keeps the others waiting in line when a work between them throws', async () => {
      const log: string[] = [];
      const failing = store().jobs.exclusive('queue-hand-out', async () => {
        await aFewTurns();
        throw new Error('no operator online');
      });
      const next = store().jobs.exclusive('queue-hand-out', async () => void log.push('next'));
      await expect(failing).rejects.toThrow('no operator online');
      await next;
      expect(log).toEqual(['next']);
    });
  });
}
