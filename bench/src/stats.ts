// Percentiles, medians and ratios for the bench's figures.

/** The q-quantile (0..1) of the samples, nearest-rank; NaN when there are none. */
export function quantile(samples: readonly number[], q: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = Float64Array.from(samples).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank] as number;
}

export const median = (values: readonly number[]): number => quantile(values, 0.5);

/** a / b, or null when either is missing, so a ratio is never made up. */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || !Number.isFinite(a) || !Number.isFinite(b) || b === 0) return null;
  return a / b;
}

/** A latency recorder that keeps every sample (bench runs are bounded, so this stays small). */
export class Latencies {
  readonly samples: number[] = [];
  add(ms: number): void {
    this.samples.push(ms);
  }
  summary(): LatencySummary {
    return summarise(this.samples);
  }
}

export interface LatencySummary {
  count: number;
  p50: number;
  p99: number;
  max: number;
}

export function summarise(samples: readonly number[]): LatencySummary {
  let max = 0;
  for (const s of samples) if (s > max) max = s;
  return { count: samples.length, p50: quantile(samples, 0.5), p99: quantile(samples, 0.99), max };
}

/** Milliseconds on the monotonic clock, which all processes of the machine share (Linux CLOCK_MONOTONIC). */
export const clockMs = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The sum of one field over a list. */
export const total = <T>(list: readonly T[], pick: (item: T) => number | null | undefined): number =>
  list.reduce((n, item) => n + (pick(item) ?? 0), 0);

/** Waits until `done()` holds, checking every 10 ms; throws after `timeoutMs` so no run hangs. */
export async function waitUntil(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const until = clockMs() + timeoutMs;
  while (!done()) {
    if (clockMs() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}
