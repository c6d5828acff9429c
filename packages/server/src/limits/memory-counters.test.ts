import { describe, expect, it } from 'vitest';
import { MemoryCounters } from './memory-counters.ts';

function counters(maxWindows = 100) {
  let time = 1_000;
  const store = new MemoryCounters(maxWindows, () => time);
  return { store, advance: (ms: number) => (time += ms) };
}

describe('counters kept in memory', () => {
  it('counts hits in a window that starts at the first hit and starts again once it ended', async () => {
    const { store, advance } = counters();
    expect(await store.hit('ip:a', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    advance(400);
    expect(await store.hit('ip:a', 1000)).toEqual({ count: 2, resetInMs: 600 });
    expect(await store.peek('ip:a')).toEqual({ count: 2, resetInMs: 600 });
    advance(600);
    expect(await store.peek('ip:a')).toBeNull();
    expect(await store.hit('ip:a', 1000)).toEqual({ count: 1, resetInMs: 1000 });
    store.stop();
  });

  it('keeps keys apart and forgets one on reset', async () => {
    const { store } = counters();
    await store.hit('token:x', 1000);
    await store.hit('token:y', 1000);
    await store.reset('token:x');
    expect(await store.peek('token:x')).toBeNull();
    expect((await store.peek('token:y'))?.count).toBe(1);
    store.stop();
  });

  it('stays bounded: ended windows are swept, and past the bound the oldest go', async () => {
    const { store, advance } = counters(3);
    await store.hit('a', 100);
    await store.hit('b', 100);
    advance(100);
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

  it('holds gauges that vanish at zero', async () => {
    const { store } = counters();
    expect(await store.adjust('sockets:ip:a', 1)).toBe(1);
    expect(await store.adjust('sockets:ip:a', 1)).toBe(2);
    expect(await store.adjust('sockets:ip:a', -2)).toBe(0);
    expect(await store.adjust('sockets:ip:a', -1)).toBe(0);
    store.stop();
  });
});
