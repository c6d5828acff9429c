// How a limit is written: one or more fixed windows, e.g. `20/10s,60/1m` (20 in any 10 s window and 60 a minute).

export interface RateWindow {
  max: number;
  windowMs: number;
}

/** Every window must have room for a hit to pass. */
export type Rate = readonly RateWindow[];

const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;
const WINDOW = /^(\d+)\/(\d*)(ms|s|m|h)$/;

export function parseRate(text: string, name = 'rate'): Rate {
  const windows = text.split(',').map((part) => {
    const match = WINDOW.exec(part.trim());
    if (!match) throw new Error(`${name} must read like "20/10s,60/1m", got "${text}"`);
    const [, max, amount, unit] = match;
    const windowMs = Number(amount || '1') * UNIT_MS[unit as keyof typeof UNIT_MS];
    if (windowMs <= 0) throw new Error(`${name} has an empty window in "${text}"`);
    return { max: Number(max), windowMs };
  });
  return windows;
}

/** For messages and logs: `20 per 10 s, 60 per 60 s`. */
export function describeRate(rate: Rate): string {
  return rate.map((window) => `${window.max} per ${window.windowMs / 1000} s`).join(', ');
}
