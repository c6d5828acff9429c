import { describe, expect, it } from 'vitest';
import { describeCounterStore } from './counter-store.contract.ts';
import { MemoryCounters } from './memory-counters.ts';

describeCounterStore('memory', () => {
  const store = new MemoryCounters();
  return { store, close: () => store.stop() };
});

describe('counters kept in memory', () => {
  it('stay bounded: ended windows are swept, and past the bound the oldest go', async () => {
    let time = 1_000;
    const store = new MemoryCounters(3, () => time);
    await store.hit('a', 100);
    await store.hit('b', 100);
    time += 100;
    await store.hit('c', 1000);
    await store.hit('d', 1000);
    await store.hit('e', 1000);
    expect(store.size).toBe(3);
    await store.hit('f', 1000);
    expect(store.size).toBe(3);
    expect(await store.peek('c')).toBeNull();
    expect((await store.peek('f'))?.count).toBe(1);
    store.stop();
  });
});
