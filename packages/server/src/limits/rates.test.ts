import { describe, expect, it } from 'vitest';
import { describeRate, parseRate } from './rates.ts';

describe('a rate as written in the environment', () => {
  it('reads one window or several', () => {
    expect(parseRate('30/1m')).toEqual([{ max: 30, windowMs: 60_000 }]);
    expect(parseRate('20/10s, 60/m')).toEqual([
      { max: 20, windowMs: 10_000 },
      { max: 60, windowMs: 60_000 },
    ]);
    expect(describeRate(parseRate('5/500ms'))).toBe('5 per 0.5 s');
  });

  it('refuses what it cannot read, naming the setting', () => {
    expect(() => parseRate('lots', 'LIMIT_MESSAGES')).toThrow(/LIMIT_MESSAGES/);
    expect(() => parseRate('5/0s')).toThrow(/empty window/);
  });
});
