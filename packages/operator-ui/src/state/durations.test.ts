// Report durations read as a person says them.

import { describe, expect, it } from 'vitest';
import { readableDuration, spokenDuration } from './durations.ts';

describe('a readable duration', () => {
  it.each([
    [null, '—'],
    [0, '0 s'],
    [45, '45 s'],
    [59.6, '1 min'],
    [60, '1 min'],
    [80, '1 min 20 s'],
    [3599, '59 min 59 s'],
    [3600, '1 h'],
    [3725, '1 h 2 min'],
    [23 * 3600 + 59 * 60 + 50, '1 d'],
    [2 * 86400 + 3 * 3600, '2 d 3 h'],
  ])('of %s seconds is %s', (seconds, text) => {
    expect(readableDuration(seconds)).toBe(text);
  });

  it('is written out for screen readers', () => {
    expect(spokenDuration(80)).toBe('1 minute 20 seconds');
    expect(spokenDuration(2 * 3600 + 60)).toBe('2 hours 1 minute');
    expect(spokenDuration(null)).toBe('nothing measured');
  });
});
