// What every CounterStore must do, run against each implementation (memory today, Redis later).

import { describe, expect, it } from 'vitest';
import type { CounterStore } from './counter-store.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `open` gives a fresh, empty store and how to let it go. */
export function describeCounterStore(name: string, open: () => { store: CounterStore; close(): void }) {
  describe(`${name} as a counter store`, () => {
    it('counts hits in a window, tells when it ends, and starts again after it', async () => {
      const { store, close } = open();
      const first = await store.hit('ip:a', 200);
      expect(first.count).toBe(1);
      expect(first.resetInMs).toBeGreaterThan(100);
      expect(first.resetInMs).toBeLessThanOrEqual(200);
      expect((await store.hit('ip:a', 200)).count).toBe(2);
      expect((await store.peek('ip:a'))?.count).toBe(2);
      await pause(250);
      expect(await store.peek('ip:a')).toBeNull();
      expect((await store.hit('ip:a', 200)).count).toBe(1);
      close();
    });

    it('keeps keys apart and forgets one on reset', async () => {
      const { store, close } = open();
      await store.hit('token:x', 1000);
      await store.hit('token:y', 1000);
      await store.reset('token:x');
      expect(await store.peek('token:x')).toBeNull();
      expect((await store.peek('token:y'))?.count).toBe(1);
      close();
    });

    it('holds gauges that never go below zero', async () => {
      const { store, close } = open();
      expect(await store.adjust('sockets:ip:a', 1)).toBe(1);
      expect(await store.adjust('sockets:ip:a', 1)).toBe(2);
      expect(await store.adjust('sockets:ip:a', -2)).toBe(0);
      expect(await store.adjust('sockets:ip:a', -1)).toBe(0);
      expect(await store.adjust('sockets:ip:a', 1)).toBe(1);
      close();
    });
  });
}
