// A socket that stops reading is cut off instead of making the server buffer without bound.

import type { Socket } from 'node:net';
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  type TestServer,
  connectOperator,
  createOperator,
  newVisitor,
  discard,
  say,
  startServer,
  sync,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer({ maxBufferedBytes: 256 * 1024 });
});
afterEach(async () => {
  await discard(server);
});

it('closes an operator socket that never reads, and the chat goes on', async () => {
  const alice = await createOperator(server, 'Alice');
  const stalled = await connectOperator(server, alice);
  const visitor = await (await newVisitor(server)).connect();
  const first = await say(visitor, 'start');
  await sync(stalled, 0, first.conversationId);

  // Stop reading at the TCP level: what the server sends piles up in its buffer.
  const tcp = (stalled.socket as unknown as { _socket: Socket })._socket;
  tcp.pause();
  const body = 'x'.repeat(3900);
  let sent = 0;
  // Bounded: well beyond loopback's kernel buffers plus the cap, then stop.
  while (sent < 6000 && (await server.app.presence.isOnline(alice.id))) {
    const batch = Array.from({ length: 50 }, (_, i) => `${sent + i} ${body}`);
    await Promise.all(batch.map((text) => say(visitor, text)));
    sent += batch.length;
  }
  expect(await server.app.presence.isOnline(alice.id)).toBe(false);
  tcp.resume();
  // Everything the visitor sent was stored; the stalled operator can resume by seq.
  const fresh = await connectOperator(server, alice);
  const caughtUp = await sync(fresh, 0, first.conversationId);
  await fresh.wait('message.created', (f) => f.message.seq === sent + 2);
  const seqs = [...caughtUp.messages, ...fresh.of('message.created').map((f) => f.message)].map((m) => m.seq);
  // "Alice joined" is one more line.
  expect(seqs).toEqual(Array.from({ length: sent + 2 }, (_, i) => i + 1));
});
