import { describe, expect, it } from 'vitest';
import {
  boundedWait,
  DEFAULT_WAIT_MS,
  fetchAfterLimit,
  MAX_WAIT_MS,
  MIN_WAIT_MS,
  retryAfterMs,
  TOO_MANY_SOCKETS_WAIT_MS,
  tooManySocketsDelay,
} from './limits.ts';

describe('waiting out a limit', () => {
  it('takes the server’s hint, within bounds, and a default without one', () => {
    expect(boundedWait(2_500)).toBe(2_500);
    expect(boundedWait(0)).toBe(DEFAULT_WAIT_MS);
    expect(boundedWait(-5)).toBe(MIN_WAIT_MS);
    expect(boundedWait(Number.POSITIVE_INFINITY)).toBe(MAX_WAIT_MS);
    expect(boundedWait(86_400_000)).toBe(MAX_WAIT_MS);
    expect(boundedWait(undefined)).toBe(DEFAULT_WAIT_MS);
    expect(boundedWait(Number.NaN)).toBe(DEFAULT_WAIT_MS);
  });

  it('reads Retry-After in seconds, and waits the default for anything else', () => {
    expect(retryAfterMs('7')).toBe(7_000);
    expect(retryAfterMs(' 7 ')).toBe(7_000);
    expect(retryAfterMs('Sun, 06 Dec 2026 06:00:30 GMT')).toBe(DEFAULT_WAIT_MS);
    expect(retryAfterMs(null)).toBe(DEFAULT_WAIT_MS);
    expect(retryAfterMs('')).toBe(DEFAULT_WAIT_MS);
    expect(retryAfterMs('-3')).toBe(MIN_WAIT_MS);
    expect(retryAfterMs('0')).toBe(DEFAULT_WAIT_MS);
  });

  it('waits a minute or more after too many sockets, never the same for every tab', () => {
    expect(tooManySocketsDelay(() => 0)).toBe(TOO_MANY_SOCKETS_WAIT_MS);
    expect(tooManySocketsDelay(() => 0.999)).toBeLessThan(TOO_MANY_SOCKETS_WAIT_MS * 1.5);
    expect(tooManySocketsDelay(() => 0.5)).toBeGreaterThan(tooManySocketsDelay(() => 0.1));
  });
});

describe('a request answered 429', () => {
  const answer = (status: number, retryAfter?: string) =>
    new Response('{}', { status, headers: retryAfter ? { 'retry-after': retryAfter } : {} });

  it('is sent once more after the wait the server asked for', async () => {
    const answers = [answer(429, '3'), answer(200)];
    const waits: number[] = [];
    let sent = 0;
    const response = await fetchAfterLimit(
      async () => answers[sent++] as Response,
      async (ms) => void waits.push(ms),
    );
    expect(response.status).toBe(200);
    expect(sent).toBe(2);
    expect(waits).toEqual([3_000]);
  });

  it('is not retried in a loop: a second 429 is returned as it is', async () => {
    let sent = 0;
    const response = await fetchAfterLimit(
      async () => {
        sent++;
        return answer(429, '1');
      },
      async () => undefined,
    );
    expect(response.status).toBe(429);
    expect(sent).toBe(2);
  });

  it('is not delayed when the answer is anything else', async () => {
    let waited = false;
    const response = await fetchAfterLimit(
      async () => answer(401),
      async () => void (waited = true),
    );
    expect(response.status).toBe(401);
    expect(waited).toBe(false);
  });
});
