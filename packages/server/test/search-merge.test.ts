// The search index's quiet merges on a real server: they run once writes stop, leave the index in
// fewer segments with every word still found, let a message in between two steps, and end with it.

import type { OperatorProfile, SearchResultPage } from '@livechat/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QuietMerge } from '../src/search/quiet-merge.ts';
import { createOperator, discard, loginCookie, newVisitor, say, startServer, type TestServer } from './harness.ts';

let server: TestServer | undefined;
afterEach(async () => {
  if (server) await discard(server);
  server = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(10);
  }
}

/** A conversation with `count` more messages, each appended in its own commit as the server does. */
async function conversationWith(s: TestServer, count: number): Promise<void> {
  const visitor = await newVisitor(s);
  const socket = await visitor.connect();
  const { conversationId } = await say(socket, 'hello');
  await socket.close();
  for (let i = 0; i < count; i++)
    await s.sql(
      `INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, created_at)
       SELECT ?, max(seq) + 1, ?, 'visitor', ?, 'Visitor', ?, 'public', ?
       FROM messages WHERE conversation_id = ?`,
      conversationId,
      `merge-m-${i}`,
      visitor.visitorId,
      `message ${i} word${i} ${i % 50 === 7 ? 'lighthouse' : 'harbour'}`,
      new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString(),
      conversationId,
    );
}

async function searchAs(s: TestServer, operator: OperatorProfile, q: string): Promise<SearchResultPage> {
  const response = await fetch(`${s.url}/api/operator/search?${new URLSearchParams({ q })}`, {
    headers: { cookie: await loginCookie(s, operator.email) },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as SearchResultPage;
}

describe('quiet merges of the search index', () => {
  it('run once the server stops writing, stop when nothing is left, and every word is still found', async () => {
    server = await startServer({ searchMergeQuietMs: 20 });
    const admin = await createOperator(server, 'Ada', 'admin');
    const { searchIndex } = server.app.store;
    await conversationWith(server, 400);
    const written = searchIndex.segments();
    expect(written).toBeGreaterThan(2);

    await until(() => server?.app.searchMerge.settled === true);
    expect(searchIndex.segments()).toBeLessThan(written);
    expect(searchIndex.mergeStep(16)).toBe(false);
    const steps = server.app.searchMerge.steps;
    expect(steps).toBeGreaterThan(0);
    await sleep(200);
    expect(server.app.searchMerge.steps).toBe(steps);

    const found = await searchAs(server, admin, 'lighthouse');
    expect(found.results.map((r) => r.snippet)).toContain('message 7 word7 lighthouse');
    expect(found.results).toHaveLength(8);
  });

  it('let a message in between two steps, and go on after it', async () => {
    // The server's own merges are left out, so that this one runs alone, a page per step.
    server = await startServer({ searchMergeQuietMs: 3_600_000 });
    await conversationWith(server, 400);
    const { searchIndex } = server.app.store;
    const log = { warn: () => {}, error: () => {} };
    const merge = new QuietMerge(searchIndex, 20, log, 1);
    try {
      await until(() => merge.steps >= 2);
      const visitor = await newVisitor(server);
      const socket = await visitor.connect();
      const acked = await say(socket, 'while the index merges');
      await socket.close();
      expect(acked.seq).toBeGreaterThan(0);
      expect(merge.settled).toBe(false);
      await until(() => merge.settled);
      expect(merge.steps).toBeGreaterThan(2);
    } finally {
      merge.stop();
    }
  });

  it('end with the server', async () => {
    server = await startServer({ searchMergeQuietMs: 10 });
    const looks = vi.spyOn(server.app.store.searchIndex, 'writes');
    await server.stop();
    looks.mockClear();
    await sleep(100);
    expect(looks).not.toHaveBeenCalled();
  });
});
