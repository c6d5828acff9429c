// The widget's HTTP calls over their limits: 429 with Retry-After and `rate_limited`, nothing stored,
// while another address or token at the same moment gets its usual answers.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRate } from '../src/limits/rates.ts';
import { discard, type TestServer } from './harness.ts';
import { mintFrom, startLimitedServer, widgetCall } from './limits-harness.ts';
import { countRows } from './stored-rows.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startLimitedServer({
    visitorsPerIp: parseRate('3/1m'),
    pageViewsPerToken: parseRate('2/1m'),
    attributesPerToken: parseRate('2/1m'),
    identifyPerToken: parseRate('2/1m'),
    contactPerToken: parseRate('2/1m'),
  });
});
afterAll(() => discard(server));

const count = (table: string) => countRows(server, table);

describe('new visitor tokens per address', () => {
  it('refuses the fourth in a minute from one address, while another address mints as usual', async () => {
    for (let i = 0; i < 3; i += 1) await mintFrom(server, '198.51.100.1');
    const visitorsBefore = await count('visitors');
    const [over, other] = await Promise.all([
      widgetCall(server, 'visitors', { address: '198.51.100.1' }),
      widgetCall(server, 'visitors', { address: '198.51.100.2' }),
    ]);
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('rate_limited');
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(over.retryAfter)).toBeLessThanOrEqual(60);
    expect(other.status).toBe(201);
    expect(await count('visitors')).toBe(visitorsBefore + 1);
  });

  it('counts an IPv6 subscriber by its /64, not by each of its addresses', async () => {
    for (let i = 1; i <= 3; i += 1) await mintFrom(server, `2001:db8:5:6::${i}`);
    const over = await widgetCall(server, 'visitors', { address: '2001:db8:5:6:ffff::9' });
    expect(over.status).toBe(429);
  });

  it('lets the page read the refusal and how long to wait', async () => {
    const response = await fetch(`${server.url}/api/sites/shop/visitors`, {
      method: 'POST',
      headers: { origin: 'http://shop.test', 'x-forwarded-for': '198.51.100.1' },
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://shop.test');
    expect(response.headers.get('access-control-expose-headers')).toMatch(/retry-after/);
  });
});

describe('a visitor token', () => {
  let nextAddress = 0;
  it.each([
    ['page-views', { url: 'http://shop.test/a', title: 'A', referrer: '' }, 204, 'page_views'],
    ['attributes', { attributes: { plan: 'pro' } }, 204, null],
    ['identify', { id: 'user-7', name: 'Ada' }, 200, null],
    ['contact', { name: 'Ada' }, 204, null],
  ])('is limited in its %s calls, and another token is not', async (path, body, ok, table) => {
    // Fresh addresses per case, so that minting stays under its own limit.
    nextAddress += 1;
    const flooder = await mintFrom(server, `203.0.113.${nextAddress}`);
    const calm = await mintFrom(server, `203.0.114.${nextAddress}`);
    for (let i = 0; i < 2; i += 1) {
      expect((await widgetCall(server, path, { address: '203.0.113.10', token: flooder.token, body })).status).toBe(ok);
    }
    const rowsBefore = table ? await count(table) : 0;
    const [over, other] = await Promise.all([
      widgetCall(server, path, { address: '203.0.113.10', token: flooder.token, body }),
      widgetCall(server, path, { address: '203.0.113.10', token: calm.token, body }),
    ]);
    expect(over.status).toBe(429);
    expect(over.body.error?.code).toBe('rate_limited');
    expect(Number(over.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(other.status).toBe(ok);
    if (table) expect(await count(table)).toBe(rowsBefore + 1);
  });
});
