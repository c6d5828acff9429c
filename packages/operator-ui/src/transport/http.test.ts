// An HTTP 429 from a real server becomes an error that says how long to wait, from its Retry-After.

import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError, request } from './http.ts';

let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/limited') {
      res.statusCode = 429;
      res.setHeader('retry-after', '12');
      res.end(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many requests' } }));
    } else if (req.url === '/limited-no-hint') {
      res.statusCode = 429;
      res.end('');
    } else {
      res.end(JSON.stringify({ ok: true }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function failure(path: string): Promise<ApiError> {
  try {
    await request('POST', `${base}${path}`, {});
  } catch (error) {
    if (error instanceof ApiError) return error;
  }
  throw new Error('expected an ApiError');
}

describe('a 429 answer', () => {
  it('says to try again in the seconds the server gave', async () => {
    const error = await failure('/limited');
    expect(error).toMatchObject({ status: 429, code: 'rate_limited', retryAfterMs: 12_000 });
    expect(error.message).toBe('Too many requests; try again in 12 s.');
  });

  it('says to wait a moment when the server gave no Retry-After', async () => {
    const error = await failure('/limited-no-hint');
    expect(error).toMatchObject({ status: 429, retryAfterMs: null });
    expect(error.message).toBe('Too many requests; wait a moment and try again.');
  });

  it('leaves other answers alone', async () => {
    await expect(request('POST', `${base}/fine`, {})).resolves.toEqual({ ok: true });
  });
});
