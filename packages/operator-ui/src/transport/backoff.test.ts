// Reconnect delays grow, stay jittered and are capped.

import { describe, expect, it } from 'vitest';
import { afterClose, reconnectDelay, TOO_MANY_SOCKETS_WAIT_MS } from './backoff.ts';

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

describe('afterClose', () => {
  const codes = { sessionEnded: [4401, 4001], tooManySockets: 4029 };

  it('stops for good when the session ended', () => {
    expect(afterClose(4401, 1, codes)).toEqual({ kind: 'signed-out' });
    expect(afterClose(4001, 7, codes)).toEqual({ kind: 'signed-out' });
  });

  it('waits a minute or more, not a backoff step, when refused as one socket too many', () => {
    for (let failures = 1; failures < 20; failures++) {
      const next = afterClose(4029, failures, codes, () => 0);
      expect(next).toEqual({ kind: 'too-many-sockets', delayMs: TOO_MANY_SOCKETS_WAIT_MS });
    }
    expect(afterClose(4029, 1, codes, () => 1)).toEqual({ kind: 'too-many-sockets', delayMs: 90_000 });
  });

  it('backs off as usual after any other drop', () => {
    expect(afterClose(1006, 1, codes, () => 1)).toEqual({ kind: 'retry', delayMs: 500 });
    expect(afterClose(1006, 4, codes, () => 1)).toEqual({ kind: 'retry', delayMs: 4_000 });
  });
});
