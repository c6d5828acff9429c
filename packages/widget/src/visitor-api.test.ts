import { afterEach, describe, expect, it } from 'vitest';
import { type SiteServer, startSiteServer } from './test-site-server.ts';
import { memoryStore, storageKey } from './storage.ts';
import { visitorApi } from './visitor-api.ts';
import { createVisitorSession } from './visitor-session.ts';

/** The real session, holding `token` already: a rejected one is renewed through the server's `/visitors`. */
const session = (origin: string, site: string, token: string) => {
  const storage = memoryStore();
  storage.set(storageKey(site, 'token'), token);
  return createVisitorSession(origin, site, storage);
};

const team = {
  state: 'online',
  reason: null,
  operators: ['AM', 'BK'],
  medianFirstResponseSeconds: 150,
  awayMessage: null,
};

describe('the visitor’s calls from the chat UI, against a real HTTP server', () => {
  let server: SiteServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('reads the team’s availability without a token', async () => {
    server = await startSiteServer({ 'GET /api/sites/shop%201/availability': { status: 200, body: team } });
    const api = visitorApi(server.origin, 'shop 1', session(server.origin, 'shop 1', 't1'));
    expect(await api.availability()).toEqual(team);
    expect(server.received).toEqual([
      { route: 'GET /api/sites/shop%201/availability', authorization: undefined, body: '' },
    ]);
  });

  it('reads no availability from a refusal or an unreachable server', async () => {
    server = await startSiteServer({});
    const api = visitorApi(server.origin, 'gone', session(server.origin, 'gone', 't1'));
    expect(await api.availability()).toBeNull();
    await server.close();
    expect(await api.availability()).toBeNull();
    server = undefined;
  });

  it('leaves the visitor’s email with their token', async () => {
    server = await startSiteServer({ 'POST /api/sites/shop/contact-email': { status: 204 } });
    await visitorApi(server.origin, 'shop', session(server.origin, 'shop', 't1')).saveEmail('ada@example.com');
    expect(server.received).toEqual([
      { route: 'POST /api/sites/shop/contact-email', authorization: 'Bearer t1', body: '{"email":"ada@example.com"}' },
    ]);
  });

  it('rejects with the server’s own message when it refuses the email', async () => {
    server = await startSiteServer({
      'POST /api/sites/shop/contact-email': {
        status: 400,
        body: { error: { code: 'bad_request', message: 'email: not a valid address' } },
      },
    });
    await expect(
      visitorApi(server.origin, 'shop', session(server.origin, 'shop', 't1')).saveEmail('ada@example.com'),
    ).rejects.toMatchObject({
      code: 'bad_request',
      message: 'email: not a valid address',
    });
  });

  it('renews a rejected token once and sends again', async () => {
    server = await startSiteServer({
      'POST /api/sites/shop/contact-email': { status: 401, body: { error: { code: 'unauthorized', message: 'no' } } },
      'POST /api/sites/shop/visitors': { status: 201, body: { token: 'new', visitorId: 'v2' } },
    });
    await expect(
      visitorApi(server.origin, 'shop', session(server.origin, 'shop', 'old')).saveEmail('a@b.io'),
    ).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(server.received.map((request) => [request.route, request.authorization])).toEqual([
      ['POST /api/sites/shop/contact-email', 'Bearer old'],
      ['POST /api/sites/shop/visitors', undefined],
      ['POST /api/sites/shop/contact-email', 'Bearer new'],
    ]);
  });

  it('rates a conversation, with or without a comment', async () => {
    server = await startSiteServer({ 'POST /api/sites/shop/conversations/conv%201/rating': { status: 204 } });
    const api = visitorApi(server.origin, 'shop', session(server.origin, 'shop', 't1'));
    await api.rate('conv 1', { value: 'good', comment: 'Quick and clear' });
    await api.rate('conv 1', { value: 'bad' });
    expect(server.received.map((request) => [request.authorization, JSON.parse(request.body)])).toEqual([
      ['Bearer t1', { value: 'good', comment: 'Quick and clear' }],
      ['Bearer t1', { value: 'bad' }],
    ]);
  });

  it('rejects a rating of a conversation still open with the server’s conflict', async () => {
    server = await startSiteServer({
      'POST /api/sites/shop/conversations/c1/rating': {
        status: 409,
        body: { error: { code: 'conflict', message: 'the conversation is still open' } },
      },
    });
    await expect(
      visitorApi(server.origin, 'shop', session(server.origin, 'shop', 't1')).rate('c1', { value: 'okay' }),
    ).rejects.toMatchObject({
      code: 'conflict',
    });
  });

  it('says `network` when the server cannot be reached', async () => {
    server = await startSiteServer({});
    const origin = server.origin;
    await server.close();
    server = undefined;
    await expect(visitorApi(origin, 'shop', session(origin, 'shop', 't1')).saveEmail('a@b.io')).rejects.toMatchObject({
      code: 'network',
    });
  });
});
