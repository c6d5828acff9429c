// Reconnect delays grow, stay jittered and are capped.

import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff.ts';

describe('reconnectDelay', () => {
  it('doubles with each attempt, with jitter in the upper half', () => {
    expect(reconnectDelay(0, () => 0)).toBe(250);
    expect(reconnectDelay(0, () => 1)).toBe(500);
    expect(reconnectDelay(3, () => 0)).toBe(2_000);
    expect(reconnectDelay(3, () => 1)).toBe(4_000);
  });

  it('never waits more than 30 seconds', () => {
    expect(reconnectDelay(50, () => 1)).toBe(30_000);
    expect(reconnectDelay(50, () => 0)).toBe(15_000);
  });
});
