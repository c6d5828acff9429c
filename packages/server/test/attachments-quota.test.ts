// A visitor token's uploads per hour: over the quota the widget is told to wait, and nothing is stored.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseRate } from '../src/limits/rates.ts';
import { PNG, keptFiles, uploadCount, visitorUpload } from './attachments-harness.ts';
import { discard, newVisitor, SITE_ORIGIN, type TestServer } from './harness.ts';
import { startLimitedServer } from './limits-harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startLimitedServer({ uploadsPerToken: parseRate('2/1h') });
});
afterAll(() => discard(server));

it('refuses the third upload in an hour of one token with 429, while another token uploads as usual', async () => {
  const [first, second] = [await newVisitor(server), await newVisitor(server)];
  for (const name of ['a.png', 'b.png']) {
    expect((await visitorUpload(server, first.token, name, PNG)).status).toBe(201);
  }
  const [uploadsBefore, filesBefore] = [await uploadCount(server), (await keptFiles(server)).length];
  const over = await visitorUpload(server, first.token, 'c.png', Buffer.concat([PNG, Buffer.from('x')]));
  expect(over.status).toBe(429);
  expect(over.body.error?.code).toBe('rate_limited');
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(60);
  expect(over.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
  expect(await uploadCount(server)).toBe(uploadsBefore);
  expect(await keptFiles(server)).toHaveLength(filesBefore);
  expect((await visitorUpload(server, second.token, 'd.png', PNG)).status).toBe(201);
});
