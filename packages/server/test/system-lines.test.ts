// An operator's "joined" line is said once per conversation, also when two nodes join them at the same moment.

import type { Message } from '@livechat/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemLines } from '../src/conversations/system-lines.ts';
import { createOperator, discard, newVisitor, say, startServer, type TestServer } from './harness.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
});

afterAll(() => discard(server));

describe('the joined line', () => {
  it('is stored and sent once when two nodes join one operator at once', async () => {
    const alice = await createOperator(server, 'Alice');
    const visitor = await newVisitor(server);
    const socket = await visitor.connect();
    const first = await say(socket, 'Hello?');
    const sent: Message[] = [];
    // Two nodes' lines over the one store, each unaware of the other's work in progress.
    const nodes = [0, 1].map(() => new SystemLines(server.app.store, (_c, message) => sent.push(message)));
    const target = { id: first.conversationId, visitorId: visitor.visitorId };
    const said = await Promise.all(nodes.map((lines) => lines.joined(target, alice)));
    expect(said.filter((line) => line !== null)).toHaveLength(1);
    expect(sent).toHaveLength(1);
    const stored = await server.app.store.messages.after(first.conversationId, 0, 100);
    expect(stored.filter((message) => message.system?.event === 'joined').map((message) => message.author.id)).toEqual([
      alice.id,
    ]);
    // Said before: not again.
    expect(await nodes[0]?.joined(target, alice)).toBeNull();
    await socket.close();
  });
});
