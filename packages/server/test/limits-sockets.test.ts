// Sockets over their limits: a `rate_limited` frame (not applied, socket kept) or a 4029 close, while
// another visitor or operator at the same moment goes on as usual; typing and page views coalesced.

import { CLOSE_TOO_MANY_SOCKETS } from '@livechat/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRate } from '../src/limits/rates.ts';
import {
  Client,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  say,
  settle,
  type TestServer,
} from './harness.ts';
import { mintFrom, openVisitorSocket, startLimitedServer, widgetCall } from './limits-harness.ts';
import { countRows } from './stored-rows.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startLimitedServer({
    messagesPerToken: parseRate('5/10s,8/1m'),
    conversationsPerIp: parseRate('2/1m'),
    socketsPerToken: 2,
    socketsPerIp: 4,
    socketsPerSession: 2,
    coalesceMs: 1000,
  });
});
afterAll(() => discard(server));

const storedMessages = () => countRows(server, "messages WHERE author_kind = 'visitor'");

async function visitorFrom(address: string): Promise<{ client: Client; token: string; visitorId: string }> {
  const minted = await mintFrom(server, address);
  const opened = await openVisitorSocket(server, minted.token, address);
  if (!('client' in opened)) throw new Error(`socket closed: ${opened.closed.code}`);
  return { ...minted, client: opened.client };
}

describe('messages per visitor token', () => {
  it('refuses the sixth of a burst with rate_limited and a wait, stores nothing of it, and keeps the socket', async () => {
    const flooder = await visitorFrom('192.0.2.1');
    const calm = await visitorFrom('192.0.2.2');
    for (let i = 0; i < 5; i += 1) await say(flooder.client, `hello ${i}`);
    const before = await storedMessages();
    const id = flooder.client.nextId();
    flooder.client.send({ type: 'message.send', id, clientId: 'over-1', body: 'one too many' });
    const [refusal, fine] = await Promise.all([
      flooder.client.wait('error', (frame) => frame.frameId === id),
      say(calm.client, 'a calm question'),
    ]);
    expect(refusal.code).toBe('rate_limited');
    expect(refusal.retryAfterMs).toBeGreaterThanOrEqual(1000);
    expect(refusal.retryAfterMs).toBeLessThanOrEqual(10_000);
    expect(fine.body).toBe('a calm question');
    expect(await storedMessages()).toBe(before + 1);
    // Still open: a ping is answered.
    const ping = flooder.client.nextId();
    flooder.client.send({ type: 'ping', id: ping });
    await flooder.client.wait('pong', (frame) => frame.id === ping);
  });
});

describe('new conversations per address', () => {
  it('refuses a third conversation from one address, while another address starts one', async () => {
    const address = '192.0.2.10';
    for (let i = 0; i < 2; i += 1) {
      const visitor = await visitorFrom(address);
      await say(visitor.client, 'first words');
    }
    const third = await visitorFrom(address);
    const other = await visitorFrom('192.0.2.11');
    const id = third.client.nextId();
    third.client.send({ type: 'message.send', id, clientId: 'third', body: 'let me in' });
    const [refusal, fine] = await Promise.all([
      third.client.wait('error', (frame) => frame.frameId === id),
      say(other.client, 'hello from elsewhere'),
    ]);
    expect(refusal.code).toBe('rate_limited');
    expect(refusal.retryAfterMs).toBeGreaterThan(0);
    expect(fine.conversationId).toBeTruthy();
    expect(await countRows(server, 'conversations WHERE visitor_id = ?', third.visitorId)).toBe(0);
  });
});

describe('sockets', () => {
  it('per visitor token: the third is closed with 4029 and says why; another token connects', async () => {
    const { token } = await mintFrom(server, '192.0.2.20');
    const open = [
      await openVisitorSocket(server, token, '192.0.2.20'),
      await openVisitorSocket(server, token, '192.0.2.20'),
    ];
    expect(open.every((answer) => 'client' in answer)).toBe(true);
    const [third, other] = await Promise.all([
      openVisitorSocket(server, token, '192.0.2.20'),
      visitorFrom('192.0.2.21'),
    ]);
    expect(third).toEqual({
      closed: { code: CLOSE_TOO_MANY_SOCKETS, reason: 'at most 2 sockets for this visitor token' },
    });
    expect(other.client.socket.readyState).toBe(other.client.socket.OPEN);
    // One closed, a place is free again.
    const first = open[0];
    if (first && 'client' in first) await first.client.close();
    await settle(50);
    expect('client' in (await openVisitorSocket(server, token, '192.0.2.20'))).toBe(true);
  });

  it('per address: the fifth from one address is closed with 4029, another address connects', async () => {
    const address = '192.0.2.30';
    for (let i = 0; i < 4; i += 1) await visitorFrom(address);
    const { token } = await mintFrom(server, address);
    const [fifth, other] = await Promise.all([openVisitorSocket(server, token, address), visitorFrom('192.0.2.31')]);
    expect(fifth).toEqual({ closed: { code: CLOSE_TOO_MANY_SOCKETS, reason: 'at most 4 sockets for this address' } });
    expect(other.client.socket.readyState).toBe(other.client.socket.OPEN);
  });

  it('per operator login session: the third is closed with 4029, another session connects', async () => {
    const alice = await createOperator(server, 'Alice');
    const cookie = await loginCookie(server, alice.email);
    const url = `${server.url.replace('http', 'ws')}/ws/operator`;
    const headers = { origin: server.origin, cookie };
    const held = [await Client.connect(url, headers), await Client.connect(url, headers)];
    await Promise.all(held.map((client) => client.wait('welcome')));
    const third = await Client.connect(url, headers);
    const closed = await new Promise<{ code: number; reason: string }>((resolve) =>
      third.socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    expect(closed).toEqual({ code: CLOSE_TOO_MANY_SOCKETS, reason: 'at most 2 sockets for this login session' });
    expect(third.of('welcome')).toHaveLength(0);
    const other = await connectOperator(server, alice);
    expect(other.of('welcome')).toHaveLength(1);
  });
});

describe('what reaches operators', () => {
  it('gets one typing change per second per conversation, the last one last', async () => {
    const bob = await createOperator(server, 'Bob', 'admin');
    const visitor = await visitorFrom('192.0.2.40');
    const first = await say(visitor.client, 'typing a lot');
    const operator = await connectOperator(server, bob);
    const id = operator.nextId();
    operator.send({ type: 'sync', id, conversationId: first.conversationId, afterSeq: 0 });
    await operator.wait('sync.result', (frame) => frame.id === id);
    for (let i = 0; i < 200; i += 1) {
      visitor.client.send({ type: 'typing.set', id: visitor.client.nextId(), active: i % 2 === 0 });
    }
    visitor.client.send({ type: 'typing.set', id: visitor.client.nextId(), active: false });
    await operator.wait('typing', (frame) => frame.active === false);
    await settle(1300);
    const typing = operator.of('typing').filter((frame) => frame.conversationId === first.conversationId);
    expect(typing.length).toBeLessThanOrEqual(3);
    expect(typing.at(-1)?.active).toBe(false);
  });

  it('gets one live page view per second per conversation: the latest', async () => {
    const carol = await createOperator(server, 'Carol', 'admin');
    const visitor = await visitorFrom('192.0.2.50');
    const first = await say(visitor.client, 'browsing');
    const operator = await connectOperator(server, carol);
    const id = operator.nextId();
    operator.send({ type: 'sync', id, conversationId: first.conversationId, afterSeq: 0 });
    await operator.wait('sync.result', (frame) => frame.id === id);
    for (let i = 0; i < 30; i += 1) {
      const answer = await widgetCall(server, 'page-views', {
        address: '192.0.2.50',
        token: visitor.token,
        body: { url: `http://shop.test/p${i}`, title: `Page ${i}`, referrer: '' },
      });
      expect(answer.status).toBe(204);
    }
    await operator.wait('page.viewed', (frame) => frame.pageView.title === 'Page 29', 3000);
    const views = operator.of('page.viewed').filter((frame) => frame.visitorId === visitor.visitorId);
    expect(views.length).toBeLessThanOrEqual(3);
    expect(views.at(-1)?.pageView.title).toBe('Page 29');
    expect(await countRows(server, 'page_views WHERE visitor_id = ?', visitor.visitorId)).toBe(30);
  });
});
