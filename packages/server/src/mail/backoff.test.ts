import { expect, it } from 'vitest';
import { nextAttemptAt } from './backoff.ts';

const start = new Date('2026-01-01T00:00:00Z');
const waits = [60_000, 300_000, 1_800_000];

it('waits longer after each failure, then gives up', () => {
  expect(nextAttemptAt(1, waits, start)?.toISOString()).toBe('2026-01-01T00:01:00.000Z');
  expect(nextAttemptAt(2, waits, start)?.toISOString()).toBe('2026-01-01T00:05:00.000Z');
  expect(nextAttemptAt(3, waits, start)?.toISOString()).toBe('2026-01-01T00:30:00.000Z');
  expect(nextAttemptAt(4, waits, start)).toBeNull();
  expect(nextAttemptAt(1, [], start)).toBeNull();
});
