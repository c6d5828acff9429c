// A visitor and operators chatting over real sockets, with everything stored in SQLite.

import type { ConversationSummary } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type TestServer,
  connectOperator,
  createOperator,
  newVisitor,
  discard,
  loginCookie,
  reply,
  say,
  setAvailability,
  settle,
  startServer,
  sync,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await discard(server);
});

/** The operator's conversation list, as the operator UI loads it. */
async function listOf(operator: { email: string }): Promise<ConversationSummary[]> {
  const response = await fetch(`${server.url}/api/operator/conversations`, {
    headers: { cookie: await loginCookie(server, operator.email) },
  });
  return ((await response.json()) as { conversations: ConversationSummary[] }).conversations;
}

describe('chatting', () => {
  it('carries messages both ways live, through the assigned operator', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();

    const first = await say(visitor, 'Hello, is the Aurora lamp in stock?');
    expect(first.seq).toBe(1);
    const listed = await operator.wait('conversation.updated', (f) => f.conversation.id === first.conversationId);
    expect(listed.conversation.memberIds).toEqual([alice.id]);

    const opened = await sync(operator, 0, first.conversationId);
    expect(opened.messages.map((m) => m.body)).toEqual(['Hello, is the Aurora lamp in stock?', 'Alice joined']);
    expect(opened.messages[1]).toMatchObject({
      author: { kind: 'system' },
      system: { event: 'joined', name: 'Alice' },
    });

    await reply(operator, first.conversationId, 'Yes, we have 12 left.');
    const received = await visitor.wait('message.created', (f) => f.message.author.kind === 'operator');
    expect(received.message).toMatchObject({ seq: 3, body: 'Yes, we have 12 left.', author: { name: 'Alice' } });

    await say(visitor, 'Great, thanks!');
    const live = await operator.wait('message.created', (f) => f.message.seq === 4);
    expect(live.message.body).toBe('Great, thanks!');
  });

  it('starts a new conversation when the one a connection was writing to is no longer open', async () => {
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'first conversation');
    await say(visitor, 'still the first');
    await server.sql("UPDATE conversations SET status = 'closed' WHERE id = ?", first.conversationId);
    const next = await say(visitor, 'a new question');
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(next.seq).toBe(1);
    const rows = await server.sql<{ conversation_id: string; seq: number }>(
      'SELECT conversation_id, seq FROM messages ORDER BY conversation_id = ?, seq',
      next.conversationId,
    );
    expect(rows).toEqual([
      { conversation_id: first.conversationId, seq: 1 },
      { conversation_id: first.conversationId, seq: 2 },
      { conversation_id: next.conversationId, seq: 1 },
    ]);
  });

  it('stores a message before acknowledging it', async () => {
    const visitor = await (await newVisitor(server)).connect();
    const message = await say(visitor, 'persist me');
    const rows = await server.sql<{ body: string; seq: number }>(
      'SELECT body, seq FROM messages WHERE id = ?',
      message.id,
    );
    expect(rows).toEqual([{ body: 'persist me', seq: 1 }]);
  });

  it('never stores a resent client id twice', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const once = await say(visitor, 'only once', 'same-id');
    await sync(operator, 0, once.conversationId);
    const again = await say(visitor, 'only once', 'same-id');
    expect(again).toEqual(once);
    await say(visitor, 'next');
    await operator.wait('message.created', (f) => f.message.body === 'next');
    expect(await server.sql('SELECT seq FROM messages WHERE conversation_id = ?', once.conversationId)).toHaveLength(3);
    expect(operator.of('message.created').filter((f) => f.message.body === 'only once')).toHaveLength(0);
    // Seq 2 is "Alice joined".
    expect(operator.of('message.created').map((f) => f.message.seq)).toEqual([3]);
  });

  it('gives a reconnecting visitor exactly what it missed, in order', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const handle = await newVisitor(server);
    let visitor = await handle.connect();
    const first = await say(visitor, 'one');
    await sync(operator, 0, first.conversationId);
    await reply(operator, first.conversationId, 'two');
    // Seq 2 is "Alice joined".
    await visitor.wait('message.created', (f) => f.message.seq === 3);
    await visitor.close();

    for (const body of ['three', 'four', 'five']) await reply(operator, first.conversationId, body);
    visitor = await handle.connect();
    const resumed = await sync(visitor, 3);
    expect(resumed.messages.map((m) => [m.seq, m.body])).toEqual([
      [4, 'three'],
      [5, 'four'],
      [6, 'five'],
    ]);
    await reply(operator, first.conversationId, 'six');
    await visitor.wait('message.created', (f) => f.message.seq === 7);
    await settle();
    const seqs = [...resumed.messages.map((m) => m.seq), ...visitor.of('message.created').map((f) => f.message.seq)];
    expect(seqs).toEqual([4, 5, 6, 7]);
  });

  it('keeps everything across a server restart', async () => {
    const alice = await createOperator(server, 'Alice');
    const handle = await newVisitor(server);
    const visitor = await handle.connect();
    const first = await say(visitor, 'before restart');
    const operator = await connectOperator(server, alice);
    await reply(operator, first.conversationId, 'answer before restart');
    await visitor.close();
    await operator.close();
    await server.stop();

    server = await server.restart();
    const again = await handle.connect();
    const history = await sync(again, 0);
    expect(history.messages.map((m) => m.body)).toEqual(['before restart', 'Alice joined', 'answer before restart']);
    const next = await say(again, 'after restart');
    expect(next.seq).toBe(4);
    expect(next.conversationId).toBe(first.conversationId);
  });

  it('tells connected sockets it is restarting (1012) when it shuts down', async () => {
    const alice = await createOperator(server, 'Alice');
    const visitor = await (await newVisitor(server)).connect();
    await say(visitor, 'hello');
    const operator = await connectOperator(server, alice);
    const codes = [visitor, operator].map(
      (client) => new Promise<number>((resolve) => client.socket.once('close', (code) => resolve(code))),
    );
    await server.stop();
    expect(await Promise.all(codes)).toEqual([1012, 1012]);
    server = await server.restart();
  });

  it('opens one conversation per visitor even when first messages race', async () => {
    const handle = await newVisitor(server);
    const tabs = await Promise.all([handle.connect(), handle.connect(), handle.connect()]);
    const sent = await Promise.all(tabs.map((tab, i) => say(tab, `tab ${i}`)));
    expect(new Set(sent.map((m) => m.conversationId)).size).toBe(1);
    expect(sent.map((m) => m.seq).sort()).toEqual([1, 2, 3]);
    expect(await server.sql('SELECT id FROM conversations WHERE visitor_id = ?', handle.visitorId)).toHaveLength(1);
  });

  it('does not drop frames sent before the connection finished setting up', async () => {
    const handle = await newVisitor(server);
    const { Client, visitorUrl, SITE_ORIGIN } = await import('./harness.ts');
    const client = await Client.connect(visitorUrl(server, handle.token), { origin: SITE_ORIGIN });
    // No wait for the welcome: these frames race the connection's set-up.
    for (let i = 1; i <= 20; i++) client.send({ type: 'message.send', id: `f${i}`, clientId: `c${i}`, body: `m${i}` });
    await client.wait('message.ack', (ack) => ack.id === 'f20');
    expect(client.of('message.ack').map((ack) => ack.message.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });
});

describe('assignment and the queue', () => {
  it('gives new conversations to the least busy online operator', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    await connectOperator(server, alice);
    await connectOperator(server, bob);
    const owners = [];
    for (let i = 0; i < 4; i++) {
      const visitor = await (await newVisitor(server)).connect();
      const message = await say(visitor, `hi ${i}`);
      const conversation = await server.app.store.conversations.byId(message.conversationId);
      owners.push(conversation?.assignedOperatorId);
    }
    expect(owners.filter((id) => id === alice.id)).toHaveLength(2);
    expect(owners.filter((id) => id === bob.id)).toHaveLength(2);
  });

  it('queues conversations while nobody is online; answering one takes it', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'anyone there?');
    // Away: connecting hands them nothing, so the conversation stays in the queue.
    await setAvailability(server, alice, 'away');
    await setAvailability(server, bob, 'away');

    const aliceSocket = await connectOperator(server, alice);
    const bobSocket = await connectOperator(server, bob);
    expect((await listOf(alice)).map((c) => [c.id, c.memberIds, c.unread])).toEqual([[first.conversationId, [], 1]]);
    expect((await listOf(bob)).map((c) => c.id)).toEqual([first.conversationId]);

    await reply(bobSocket, first.conversationId, 'Bob here!');
    await aliceSocket.wait('conversation.removed', (f) => f.conversationId === first.conversationId);
    expect(await listOf(alice)).toEqual([]);
    expect((await listOf(bob)).map((c) => c.memberIds)).toEqual([[bob.id]]);
    await visitor.wait('message.created', (f) => f.message.body === 'Bob here!');
  });

  it('gives every operator listing a conversation its own unread count, as their list shows it', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'one');
    await setAvailability(server, alice, 'away');
    await setAvailability(server, bob, 'away');
    const aliceSocket = await connectOperator(server, alice);
    const bobSocket = await connectOperator(server, bob);
    await say(visitor, 'two');
    await aliceSocket.wait('conversation.updated', (f) => f.conversation.lastSeq === 2);
    aliceSocket.send({ type: 'conversation.read', id: 'r1', conversationId: first.conversationId, seq: 2 });
    await aliceSocket.wait('conversation.updated', (f) => f.conversation.unread === 0);

    await say(visitor, 'three');
    const seen = async (socket: typeof aliceSocket) =>
      (await socket.wait('conversation.updated', (f) => f.conversation.lastSeq === 3)).conversation;
    const [forAlice, forBob] = [await seen(aliceSocket), await seen(bobSocket)];
    expect([forAlice.unread, forBob.unread]).toEqual([1, 3]);
    expect(await listOf(alice)).toEqual([forAlice]);
    expect(await listOf(bob)).toEqual([forBob]);
  });

  it('shows typing and unread counts to the operator, and clears them on read', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'one');
    await say(visitor, 'two');
    const unread = await operator.wait('conversation.updated', (f) => f.conversation.unread === 2);
    expect(unread.conversation.lastMessage?.body).toBe('two');

    visitor.send({ type: 'typing.set', id: 't1', active: true });
    const typing = await operator.wait('typing');
    expect(typing).toMatchObject({ conversationId: first.conversationId, active: true, author: { kind: 'visitor' } });

    operator.send({ type: 'conversation.read', id: 'r1', conversationId: first.conversationId, seq: 3 });
    await operator.wait('conversation.updated', (f) => f.conversation.unread === 0);
    // Counting goes on from what was read; the operator's own replies are never unread.
    await reply(operator, first.conversationId, 'hello!');
    const three = await say(visitor, 'three');
    const after = await operator.wait('conversation.updated', (f) => f.conversation.lastSeq === three.seq);
    expect(after.conversation.unread).toBe(1);

    operator.send({ type: 'typing.set', id: 't2', conversationId: first.conversationId, active: true });
    const shown = await visitor.wait('typing');
    expect(shown.author).toMatchObject({ kind: 'operator', name: 'Alice' });
  });
});

describe('page views', () => {
  it('records pages before any conversation and shows them to the operator live', async () => {
    const alice = await createOperator(server, 'Alice');
    const handle = await newVisitor(server);
    const { SITE_ORIGIN, loginCookie } = await import('./harness.ts');
    const view = (url: string, title: string) =>
      fetch(`${server.url}/api/sites/shop/page-views`, {
        method: 'POST',
        headers: { authorization: `Bearer ${handle.token}`, 'content-type': 'application/json', origin: SITE_ORIGIN },
        body: JSON.stringify({ url, title, referrer: '' }),
      });
    expect((await view('http://shop.test/', 'Home')).status).toBe(204);
    expect((await view('http://shop.test/pricing', 'Pricing')).status).toBe(204);

    const operator = await connectOperator(server, alice);
    const visitor = await handle.connect();
    const first = await say(visitor, 'question about prices');
    const listed = await operator.wait('conversation.updated', (f) => f.conversation.id === first.conversationId);
    expect(listed.conversation.currentPage).toMatchObject({ url: 'http://shop.test/pricing', title: 'Pricing' });

    await view('http://shop.test/contact', 'Contact');
    const live = await operator.wait('page.viewed');
    expect(live).toMatchObject({ visitorId: handle.visitorId, pageView: { title: 'Contact' } });
    // The next listing update shows the page the visitor is on now.
    const next = await say(visitor, 'and shipping?');
    const moved = await operator.wait('conversation.updated', (f) => f.conversation.lastSeq === next.seq);
    expect(moved.conversation.currentPage).toMatchObject({ url: 'http://shop.test/contact', title: 'Contact' });
    expect(moved.conversation.lastMessage?.body).toBe('and shipping?');

    const cookie = await loginCookie(server, alice.email);
    const pages = await fetch(`${server.url}/api/operator/visitors/${handle.visitorId}/page-views?limit=10`, {
      headers: { cookie },
    }).then((r) => r.json() as Promise<{ pageViews: Array<{ title: string }> }>);
    expect(pages.pageViews.map((p) => p.title)).toEqual(['Contact', 'Pricing', 'Home']);
    await settle();
    expect(visitor.frames.some((f) => f.type === 'page.viewed')).toBe(false);
  });
});

describe('long backlogs', () => {
  it('delivers a backlog longer than one page completely and in order', async () => {
    const handle = await newVisitor(server);
    const visitor = await handle.connect();
    const first = await say(visitor, 'm1');
    await visitor.close();
    const { store } = server.app;
    for (let i = 2; i <= 1200; i++) {
      await store.messages.append({
        conversationId: first.conversationId,
        author: { kind: 'system', id: null, name: 'System' },
        body: `m${i}`,
        visibility: 'public',
        clientId: null,
      });
    }
    const again = await handle.connect();
    const result = await sync(again, 0);
    await again.wait('message.created', (f) => f.message.seq === 1200);
    const seqs = [...result.messages, ...again.of('message.created').map((f) => f.message)].map((m) => m.seq);
    expect(seqs).toEqual(Array.from({ length: 1200 }, (_, i) => i + 1));
    expect(result.lastSeq).toBe(result.messages.at(-1)?.seq);
  });
});

describe("operators' lists", () => {
  it("show a visitor's new name as soon as they identify, without waiting for a message", async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const handle = await newVisitor(server);
    const visitor = await handle.connect();
    const first = await say(visitor, 'hello');
    const before = await operator.wait('conversation.updated', (f) => f.conversation.id === first.conversationId);
    expect(before.conversation.visitor.name).toBeNull();

    const { SITE_ORIGIN } = await import('./harness.ts');
    const identified = await fetch(`${server.url}/api/sites/shop/identify`, {
      method: 'POST',
      headers: { authorization: `Bearer ${handle.token}`, 'content-type': 'application/json', origin: SITE_ORIGIN },
      body: JSON.stringify({ id: 'user-1', name: 'Grace', email: 'grace@example.com' }),
    });
    expect(identified.status).toBe(200);
    const renamed = await operator.wait('conversation.updated', (f) => f.conversation.visitor.name === 'Grace');
    expect(renamed.conversation).toMatchObject({
      id: first.conversationId,
      visitor: { email: 'grace@example.com' },
      lastMessage: { body: 'hello' },
    });
  });

  it('keep unread counts and last messages right through a burst of messages', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const bodies = Array.from({ length: 30 }, (_, i) => `burst ${i + 1}`);
    for (const [i, body] of bodies.entries())
      visitor.send({ type: 'message.send', id: `f${i}`, clientId: `b${i}`, body });
    // One more line: "Alice joined".
    const last = await operator.wait('conversation.updated', (f) => f.conversation.lastSeq === bodies.length + 1);
    expect(last.conversation).toMatchObject({ unread: bodies.length, lastMessage: { body: 'burst 30' } });
    const seqs = operator.of('conversation.updated').map((f) => f.conversation.lastSeq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });
});
