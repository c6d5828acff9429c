// The visitor learns when an operator has read their messages: live, and in the welcome on return.

import { afterEach, beforeEach, expect, it } from 'vitest';
import { chatWithAlice, flush, startMailServer } from './mail-out-harness.ts';
import { connectOperator, createOperator, discard, newVisitor, say, settle, sync, type TestServer } from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startMailServer();
});
afterEach(async () => {
  await discard(server);
});

it('tells every tab of the visitor when an operator read marker moves forward, and only then', async () => {
  const { aliceSocket, handle, visitor, conversationId } = await chatWithAlice(server, null);
  const otherTab = await handle.connect();
  const second = await say(visitor, 'Also, does it come in red?');

  aliceSocket.send({ type: 'conversation.read', id: aliceSocket.nextId(), conversationId, seq: second.seq });
  for (const tab of [visitor, otherTab]) {
    const seen = await tab.wait('conversation.seen');
    expect(seen).toEqual({ type: 'conversation.seen', conversationId, seq: second.seq });
  }

  // Bob reads less than Alice did: the highest marker stays, so the visitor hears nothing new.
  const bob = await createOperator(server, 'Bob');
  const bobSocket = await connectOperator(server, bob);
  await server.app.store.conversations.join(conversationId, bob.id);
  await sync(bobSocket, 0, conversationId);
  bobSocket.send({ type: 'conversation.read', id: bobSocket.nextId(), conversationId, seq: 1 });
  await flush(bobSocket);
  await settle(100);
  expect(visitor.of('conversation.seen')).toHaveLength(1);

  const third = await say(visitor, 'Thanks!');
  bobSocket.send({ type: 'conversation.read', id: bobSocket.nextId(), conversationId, seq: third.seq });
  const later = await visitor.wait('conversation.seen', (f) => f.seq === third.seq);
  expect(later.conversationId).toBe(conversationId);
});

it('gives a returning visitor the seen mark in the welcome', async () => {
  const { aliceSocket, handle, visitor, conversationId } = await chatWithAlice(server, null);
  const fresh = await handle.connect();
  const welcome = fresh.of('welcome')[0];
  expect(welcome?.type === 'welcome' && welcome.role === 'visitor' && welcome.conversation).toEqual({
    id: conversationId,
    lastSeq: expect.any(Number),
    seenSeq: 0,
  });
  await fresh.close();

  const message = await say(visitor, 'Hello again');
  aliceSocket.send({ type: 'conversation.read', id: aliceSocket.nextId(), conversationId, seq: message.seq });
  await visitor.wait('conversation.seen');
  const back = await handle.connect();
  const again = back.of('welcome')[0];
  expect(again?.type === 'welcome' && again.role === 'visitor' && again.conversation?.seenSeq).toBe(message.seq);
});

it('refuses a read mark from a visitor who has no conversation yet', async () => {
  const handle = await newVisitor(server);
  const tab = await handle.connect();
  const id = tab.nextId();
  tab.send({ type: 'conversation.read', id, seq: 0 });
  const error = await tab.wait('error', (f) => f.frameId === id);
  expect(error).toMatchObject({ code: 'bad_request', message: 'there is no conversation to mark read' });
});
