// Effects that reach other connections travel on the bus, so that every node's sockets and listings
// hear of them: what this node does is published, and what another node publishes acts here.

import { CLOSE_SESSION_ENDED } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BusEvent } from '../src/events/bus.ts';
import { type TestServer, connectOperator, createOperator, discard, newVisitor, say, startServer } from './harness.ts';

let server: TestServer;
let heard: BusEvent[];
beforeEach(async () => {
  server = await startServer();
  heard = [];
  server.app.bus.subscribe((event) => heard.push(event));
});
afterEach(async () => {
  await discard(server);
});

describe('effects across connections', () => {
  it('publish an operator’s read with their view of the conversation', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'one');
    await operator.wait('conversation.updated', (f) => f.conversation.unread === 1);

    operator.send({ type: 'conversation.read', id: 'r1', conversationId: first.conversationId, seq: 2 });
    await operator.wait('conversation.updated', (f) => f.conversation.unread === 0);
    expect(heard.filter((event) => event.kind === 'read')).toMatchObject([
      { operatorId: alice.id, conversation: { id: first.conversationId, unread: 0 } },
    ]);
  });

  it('act on this node’s sockets when another node publishes a read: the unread count starts again', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'one');
    await say(visitor, 'two');
    await operator.wait('conversation.updated', (f) => f.conversation.unread === 2);

    // Alice reads it in a tab served by another node: it stores the marker and publishes.
    const { store, conversations, bus } = server.app;
    await store.conversations.markRead(first.conversationId, alice.id, 3);
    const conversation = await store.conversations.byId(first.conversationId);
    if (!conversation) throw new Error('the conversation is gone');
    bus.publish({
      kind: 'read',
      operatorId: alice.id,
      conversation: await conversations.summary(conversation, alice.id),
    });
    await operator.wait('conversation.updated', (f) => f.conversation.unread === 0);

    const three = await say(visitor, 'three');
    const after = await operator.wait('conversation.updated', (f) => f.conversation.lastSeq === three.seq);
    expect(after.conversation.unread).toBe(1);
  });

  it('close this node’s sockets of an operator another node disabled', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const closed = new Promise<number>((resolve) => operator.socket.once('close', resolve));

    server.app.bus.publish({ kind: 'operator-ended', operatorId: alice.id });
    expect(await closed).toBe(CLOSE_SESSION_ENDED);
    expect(await server.app.presence.isOnline(alice.id)).toBe(false);
  });
});
