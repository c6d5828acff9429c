// Uploads that no message took are removed after a day, their bytes with them unless another upload has the same.

import { afterAll, beforeAll, expect, it } from 'vitest';
import { PDF, PNG, keptFiles, uploadCount, visitorUpload } from './attachments-harness.ts';
import { discard, newVisitor, type TestServer, startServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => discard(server));

const DAY = 24 * 3600 * 1000;

it('keeps an upload for a day, then removes it and its bytes, but not bytes a younger upload shares', async () => {
  const visitor = await newVisitor(server);
  const old = await visitorUpload(server, visitor.token, 'old.png', PNG);
  const shared = await visitorUpload(server, visitor.token, 'old.pdf', PDF);
  // Made a day and a minute ago; the second copy of the PDF is fresh.
  const past = new Date(Date.now() - DAY - 60_000).toISOString();
  await server.sql(
    'UPDATE uploads SET created_at = ? WHERE id IN (?, ?)',
    past,
    old.body.attachment?.id,
    shared.body.attachment?.id,
  );
  await visitorUpload(server, visitor.token, 'again.pdf', PDF);
  expect(await uploadCount(server)).toBe(3);
  expect(await keptFiles(server)).toHaveLength(2);

  expect(await server.app.unattachedUploads.run(new Date(Date.now() - 120_000))).toBe(0);
  expect(await uploadCount(server)).toBe(3);

  expect(await server.app.unattachedUploads.run()).toBe(1);
  expect(await server.sql<{ name: string }>('SELECT name FROM uploads')).toEqual([{ name: 'again.pdf' }]);
  expect(await keptFiles(server)).toHaveLength(1);
});
