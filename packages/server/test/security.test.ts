// Visibility, authentication of upgrades, and typed errors for bad input that change nothing.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import {
  type Client,
  SITE_ORIGIN,
  type TestServer,
  connectOperator,
  createOperator,
  loginCookie,
  newVisitor,
  discard,
  reply,
  say,
  settle,
  startServer,
  sync,
  visitorUrl,
} from './harness.ts';
import { countRows } from './stored-rows.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await discard(server);
});

/** Everything a visitor connection received, as the bytes on the wire. */
const wire = (client: Client) => JSON.stringify(client.frames);

describe('operator-only data never reaches a visitor', () => {
  it('keeps internal notes off visitor sockets, syncs and routes', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const handle = await newVisitor(server);
    const tab = await handle.connect();
    const otherTab = await handle.connect();
    const first = await say(tab, 'Where is my order?');
    await sync(operator, 0, first.conversationId);

    const note = await reply(operator, first.conversationId, 'SECRET-NOTE customer is a reseller', 'operator');
    await reply(operator, first.conversationId, 'It ships tomorrow.');
    await tab.wait('message.created', (f) => f.message.body === 'It ships tomorrow.');
    await otherTab.wait('message.created', (f) => f.message.body === 'It ships tomorrow.');
    expect(note.visibility).toBe('operator');

    const resumed = await handle.connect();
    const history = await sync(resumed, 0);
    expect(history.messages.map((m) => m.body)).toEqual(['Where is my order?', 'Alice joined', 'It ships tomorrow.']);
    const transcript = await fetch(`${server.url}/api/sites/shop/conversation`, {
      headers: { authorization: `Bearer ${handle.token}`, origin: SITE_ORIGIN },
    }).then((r) => r.text());

    for (const seen of [wire(tab), wire(otherTab), wire(resumed), transcript]) {
      expect(seen).not.toContain('SECRET-NOTE');
      expect(seen).not.toContain(note.id);
    }
    expect(transcript).toContain('It ships tomorrow.');
    // Operators do see the note.
    const asOperator = await sync(operator, 0, first.conversationId);
    expect(asOperator.messages.map((m) => m.visibility)).toEqual(['public', 'public', 'operator', 'public']);
  });

  it('treats a visitor typing a command as an ordinary message', async () => {
    const visitor = await (await newVisitor(server)).connect();
    const message = await say(visitor, '/lead x');
    expect(message).toMatchObject({ body: '/lead x', visibility: 'public', author: { kind: 'visitor' } });
    visitor.send({ type: 'command.run', id: 'cmd', conversationId: message.conversationId, name: 'lead', args: 'x' });
    expect(await visitor.wait('error', (f) => f.frameId === 'cmd')).toMatchObject({ code: 'unknown_type' });
  });
});

describe('socket upgrades are authenticated', () => {
  const refused = (url: string, headers: Record<string, string>) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      socket.once('open', () => reject(new Error('upgrade was accepted')));
      socket.once('error', () => undefined);
    });

  it('checks the visitor Origin by exact match', async () => {
    const { token } = await newVisitor(server);
    for (const origin of [
      'http://evil.test',
      'http://shop.test.evil.test',
      'http://shop.tes',
      'https://shop.test',
      'null',
    ]) {
      expect(await refused(visitorUrl(server, token), { origin })).toBe(403);
    }
    expect(await refused(visitorUrl(server, token), {})).toBe(403);
  });

  it('accepts only tokens the server minted for that site', async () => {
    await server.app.store.sites.save({ id: 'other', name: 'Other', allowedOrigins: [SITE_ORIGIN] });
    const { token } = await newVisitor(server);
    const headers = { origin: SITE_ORIGIN };
    expect(await refused(visitorUrl(server, 'my-own-chosen-token-123456'), headers)).toBe(401);
    expect(await refused(visitorUrl(server, token, 'other'), headers)).toBe(401);
    expect(await refused(visitorUrl(server, token, 'no-such-site'), headers)).toBe(404);
    expect(await refused(visitorUrl(server, token, '../etc'), headers)).toBe(400);
  });

  it('needs an operator session and the server’s own origin for operator sockets', async () => {
    const alice = await createOperator(server, 'Alice');
    const url = `${server.url.replace('http', 'ws')}/ws/operator`;
    expect(await refused(url, { origin: server.origin })).toBe(401);
    expect(await refused(url, { origin: server.origin, cookie: 'lc_session=forged-session-token' })).toBe(401);
    const cookie = await loginCookie(server, alice.email);
    expect(await refused(url, { origin: 'http://evil.test', cookie })).toBe(403);
  });

  it('refuses a wrong password and mints no session', async () => {
    await createOperator(server, 'Alice');
    const response = await fetch(`${server.url}/api/operator/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'alice@example.com', password: 'guess' }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message: 'wrong email or password' } });
    expect(await server.sql('SELECT * FROM operator_sessions')).toEqual([]);
  });
});

describe('bad input gets a typed error and changes nothing', () => {
  const stored = () => countRows(server, 'messages');

  async function alive(client: Client) {
    const id = client.nextId();
    client.send({ type: 'ping', id });
    await client.wait('pong', (f) => f.id === id);
  }

  it('answers malformed, unknown, oversized and binary frames, and the socket survives', async () => {
    const visitor = await (await newVisitor(server)).connect();
    await say(visitor, 'a stored message');
    const before = await stored();

    visitor.sendRaw('{"type": "message.send", ');
    expect(await visitor.wait('error', (f) => f.code === 'bad_json')).toMatchObject({ frameId: null });
    visitor.send({ type: 'message.delete', id: 'x1' });
    expect(await visitor.wait('error', (f) => f.frameId === 'x1')).toMatchObject({ code: 'unknown_type' });
    visitor.send({ type: 'message.send', id: 'x2', clientId: 'c', body: 'x'.repeat(4001) });
    expect(await visitor.wait('error', (f) => f.frameId === 'x2')).toMatchObject({ code: 'bad_frame' });
    visitor.send({ type: 'message.send', id: 'x3', clientId: 'c', body: 'x'.repeat(20_000) });
    expect(await visitor.wait('error', (f) => f.code === 'frame_too_large')).toMatchObject({ frameId: null });
    visitor.socket.send(Buffer.from([1, 2, 3]), { binary: true });
    await visitor.wait('error', (f) => f.code === 'bad_frame' && f.frameId === null);
    // A type that cannot be turned into text once threw inside the socket's handler: a crash of the process.
    visitor.sendRaw('{"type": {"toString": 1, "valueOf": 1}, "id": "x4"}');
    expect(await visitor.wait('error', (f) => f.frameId === 'x4')).toMatchObject({ code: 'unknown_type' });
    await alive(visitor);
    expect(await stored()).toBe(before);
  });

  it('closes the socket on a frame far beyond the limit', async () => {
    const visitor = await (await newVisitor(server)).connect();
    const closed = new Promise<number>((resolve) => visitor.socket.once('close', (code) => resolve(code)));
    visitor.sendRaw(JSON.stringify({ type: 'ping', id: 'big', pad: 'x'.repeat(200_000) }));
    expect(await closed).toBe(1009);
  });

  it('refuses bad ids, unknown conversations and other operators’ conversations', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const aliceSocket = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'for Alice');
    await aliceSocket.wait('conversation.updated');
    const bobSocket = await connectOperator(server, bob);
    const before = await stored();

    const attempts: Array<[Record<string, unknown>, string]> = [
      [{ type: 'sync', conversationId: '../../etc/passwd', afterSeq: 0 }, 'invalid_id'],
      [{ type: 'sync', conversationId: 'AAAAAAAAAAAAAAAAAAAAA', afterSeq: 0 }, 'not_found'],
      [{ type: 'sync', conversationId: first.conversationId, afterSeq: 0 }, 'forbidden'],
      [{ type: 'message.send', conversationId: first.conversationId, clientId: 'b1', body: 'mine now' }, 'forbidden'],
      [{ type: 'typing.set', conversationId: first.conversationId, active: true }, 'forbidden'],
      [{ type: 'conversation.read', conversationId: first.conversationId, seq: 1 }, 'forbidden'],
      [{ type: 'sync', conversationId: first.conversationId, afterSeq: -1 }, 'bad_frame'],
    ];
    for (const [frame, code] of attempts) {
      const id = bobSocket.nextId();
      bobSocket.send({ ...frame, id });
      expect(await bobSocket.wait('error', (f) => f.frameId === id)).toMatchObject({ code });
    }
    await alive(bobSocket);
    expect(await stored()).toBe(before);
    const conversation = await server.app.store.conversations.byId(first.conversationId);
    expect(conversation?.memberIds).toEqual([alice.id]);
    await settle();
    expect(visitor.of('typing')).toEqual([]);
  });

  it('rejects bad page views and bad HTTP ids with typed errors', async () => {
    const handle = await newVisitor(server);
    const post = (body: unknown) =>
      fetch(`${server.url}/api/sites/shop/page-views`, {
        method: 'POST',
        headers: { authorization: `Bearer ${handle.token}`, 'content-type': 'application/json', origin: SITE_ORIGIN },
        body: JSON.stringify(body),
      });
    const bad = await post({ url: 'javascript:alert(1)', title: 'x' });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    expect((await post({ url: 'https://shop.test/', title: 'Home', extra: 1 })).status).toBe(400);
    expect(await server.sql('SELECT * FROM page_views')).toEqual([]);
    expect((await post({ url: 'https://shop.test/', title: 'Home' })).status).toBe(204);

    const alice = await createOperator(server, 'Alice');
    const cookie = await loginCookie(server, alice.email);
    const response = await fetch(`${server.url}/api/operator/conversations/..%2F..%2Fx/messages`, {
      headers: { cookie },
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('invalid_id');
  });
});
