// The counter store of one node, in memory: bounded, since every key an attacker can make up takes room.

import type { CounterStore, WindowCount } from './counter-store.ts';

interface Window {
  count: number;
  endsAt: number;
}

const SWEEP_EVERY_MS = 30_000;

export class MemoryCounters implements CounterStore {
  private readonly windows = new Map<string, Window>();
  private readonly gauges = new Map<string, number>();
  private readonly sweeper: NodeJS.Timeout;

  /** `maxWindows` bounds memory: past it, the windows that end soonest are dropped first. */
  constructor(
    private readonly maxWindows = 200_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.sweeper = setInterval(() => this.sweep(), SWEEP_EVERY_MS);
    this.sweeper.unref();
  }

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const now = this.clock();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      if (this.windows.size >= this.maxWindows) this.makeRoom(now);
      window = { count: 0, endsAt: now + windowMs };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async peek(key: string): Promise<WindowCount | null> {
    const now = this.clock();
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) return null;
    return { count: window.count, resetInMs: window.endsAt - now };
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }

  async adjust(key: string, delta: number): Promise<number> {
    const value = Math.max(0, (this.gauges.get(key) ?? 0) + delta);
    if (value === 0) this.gauges.delete(key);
    else this.gauges.set(key, value);
    return value;
  }

  /** How many windows are kept (for tests of the bound). */
  get size(): number {
    return this.windows.size;
  }

  stop(): void {
    clearInterval(this.sweeper);
  }

  sweep(now = this.clock()): void {
    for (const [key, window] of this.windows) if (window.endsAt <= now) this.windows.delete(key);
  }

  private makeRoom(now: number): void {
    this.sweep(now);
    if (this.windows.size < this.maxWindows) return;
    // Still full of live windows: the oldest started go first (a Map iterates in insertion order).
    const excess = this.windows.size - this.maxWindows + 1;
    let dropped = 0;
    for (const key of this.windows.keys()) {
      if (dropped >= excess) break;
      this.windows.delete(key);
      dropped += 1;
    }
  }
}
