import { describe, expect, it } from 'vitest';
import { secondsLeft } from './limit-notice.tsx';

describe('the limit notice’s countdown', () => {
  it('tells the visitor whole seconds, at least one', () => {
    expect(secondsLeft(2_100)).toBe(3);
    expect(secondsLeft(1_000)).toBe(1);
    expect(secondsLeft(0)).toBe(1);
    expect(secondsLeft(-400)).toBe(1);
  });
});
