// Lets through at most one value per key per interval: the first at once, then the latest of those
// that came meanwhile, at the end of the interval. Nothing is lost that was the last word.

export class Coalescer<T> {
  private readonly lastSent = new Map<string, number>();
  private readonly pending = new Map<string, { value: T; timer: NodeJS.Timeout }>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly intervalMs: number,
    private readonly deliver: (value: T) => void,
    private readonly clock: () => number = Date.now,
  ) {
    // Keys seen once are forgotten once their interval is long over, so the map stays small.
    this.sweeper = setInterval(() => this.forgetIdle(), Math.max(intervalMs * 10, 10_000));
    this.sweeper.unref();
  }

  offer(key: string, value: T): void {
    if (this.intervalMs <= 0) {
      this.deliver(value);
      return;
    }
    const waiting = this.pending.get(key);
    if (waiting) {
      waiting.value = value;
      return;
    }
    const sinceLast = this.clock() - (this.lastSent.get(key) ?? Number.NEGATIVE_INFINITY);
    if (sinceLast >= this.intervalMs) {
      this.send(key, value);
      return;
    }
    const timer = setTimeout(() => {
      const due = this.pending.get(key);
      this.pending.delete(key);
      if (due) this.send(key, due.value);
    }, this.intervalMs - sinceLast);
    this.pending.set(key, { value, timer });
  }

  stop(): void {
    clearInterval(this.sweeper);
    for (const { timer } of this.pending.values()) clearTimeout(timer);
    this.pending.clear();
  }

  private send(key: string, value: T): void {
    this.lastSent.set(key, this.clock());
    this.deliver(value);
  }

  private forgetIdle(): void {
    const now = this.clock();
    for (const [key, at] of this.lastSent)
      if (now - at >= this.intervalMs && !this.pending.has(key)) this.lastSent.delete(key);
  }
}
