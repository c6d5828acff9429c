// What a visitor leaves: an email to be reached at, and a rating once the conversation is over.
// Operators see both at once; a refused request stores nothing.

import type { ConversationSummary, OperatorProfile } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityHash } from '../src/visitors/identity.ts';
import { call, refused } from './away-harness.ts';
import {
  type Client,
  SITE_ORIGIN,
  type TestServer,
  type VisitorHandle,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  say,
  startServer,
} from './harness.ts';

let server: TestServer;
let alice: OperatorProfile;
let aliceSocket: Client;
beforeEach(async () => {
  server = await startServer();
  alice = await createOperator(server, 'Alice');
  aliceSocket = await connectOperator(server, alice);
});
afterEach(async () => {
  await discard(server);
});

const leaveEmail = (handle: VisitorHandle, body: unknown, origin = SITE_ORIGIN) =>
  call(server, 'POST', '/api/sites/shop/contact-email', { origin, token: handle.token, body });

const rate = (handle: Pick<VisitorHandle, 'token'>, conversationId: string, body: unknown, origin = SITE_ORIGIN) =>
  call(server, 'POST', `/api/sites/shop/conversations/${conversationId}/rating`, { origin, token: handle.token, body });

const emailOf = async (visitorId: string) =>
  (await server.sql<{ email: string | null }>('SELECT email FROM visitors WHERE id = ?', visitorId))[0]?.email;
const ratings = () => server.sql('SELECT * FROM conversation_ratings ORDER BY conversation_id');

async function resolved(handle: VisitorHandle): Promise<string> {
  const tab = await handle.connect();
  const { conversationId } = await say(tab, 'My parcel is late');
  const cookie = await loginCookie(server, alice.email);
  const answer = await call(server, 'POST', `/api/operator/conversations/${conversationId}/resolve`, { cookie });
  expect(answer.status).toBe(200);
  await tab.close();
  return conversationId;
}

describe('the contact email', () => {
  it('is stored on the visitor, and the operator sees it on the conversation at once', async () => {
    const handle = await newVisitor(server);
    const tab = await handle.connect();
    const { conversationId } = await say(tab, 'Anyone there?');

    const answer = await leaveEmail(handle, { email: ' jo@example.com ' });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(await emailOf(handle.visitorId)).toBe('jo@example.com');
    const update = await aliceSocket.wait(
      'conversation.updated',
      (f) => f.conversation.id === conversationId && f.conversation.visitor.email === 'jo@example.com',
    );
    expect(update.conversation.visitor.email).toBe('jo@example.com');
  });

  it('can be left before the first message, and replaced by a later one', async () => {
    const handle = await newVisitor(server);
    expect((await leaveEmail(handle, { email: 'first@example.com' })).status).toBe(204);
    expect((await leaveEmail(handle, { email: 'second@example.com' })).status).toBe(204);
    expect(await emailOf(handle.visitorId)).toBe('second@example.com');
  });

  it('does not replace the email of a verified contact', async () => {
    const handle = await newVisitor(server);
    const site = await server.app.store.sites.get('shop');
    const hash = identityHash(site?.identitySecret ?? '', 'user-7');
    const identified = await call(server, 'POST', '/api/sites/shop/identify', {
      origin: SITE_ORIGIN,
      token: handle.token,
      body: { id: 'user-7', email: 'known@example.com', hash },
    });
    expect(identified.status).toBe(200);

    expect((await leaveEmail(handle, { email: 'other@example.com' })).status).toBe(204);
    expect(await emailOf(handle.visitorId)).toBe('known@example.com');
  });

  const malformed: Array<[string, unknown]> = [
    ['a word', { email: 'not-an-email' }],
    ['a missing domain', { email: 'jo@' }],
    ['an empty one', { email: '' }],
    ['a number', { email: 42 }],
    ['no email at all', {}],
    ['an unknown field', { email: 'jo@example.com', name: 'Jo' }],
  ];
  it.each(malformed)('refuses %s with 400 bad_request, storing nothing', async (_what, body) => {
    const handle = await newVisitor(server);
    await leaveEmail(handle, { email: 'kept@example.com' });
    const before = await server.sql('SELECT * FROM visitors ORDER BY id');
    const answer = await leaveEmail(handle, body);
    expect(refused(answer)).toEqual({ status: 400, code: 'bad_request' });
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(await server.sql('SELECT * FROM visitors ORDER BY id')).toEqual(before);
  });

  it('is refused from another origin and without a valid token, storing nothing', async () => {
    const handle = await newVisitor(server);
    const before = await server.sql('SELECT * FROM visitors ORDER BY id');
    expect(refused(await leaveEmail(handle, { email: 'jo@example.com' }, 'https://evil.example'))).toEqual({
      status: 403,
      code: 'bad_origin',
    });
    const noToken = await call(server, 'POST', '/api/sites/shop/contact-email', {
      origin: SITE_ORIGIN,
      body: { email: 'jo@example.com' },
    });
    expect(refused(noToken)).toEqual({ status: 401, code: 'unauthorized' });
    expect(await server.sql('SELECT * FROM visitors ORDER BY id')).toEqual(before);
  });
});

describe('a rating', () => {
  it('of a resolved conversation is stored, and the operator sees it on the conversation at once', async () => {
    const handle = await newVisitor(server);
    const conversationId = await resolved(handle);

    const answer = await rate(handle, conversationId, { value: 'good', comment: '  Quick and kind.  ' });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(await ratings()).toEqual([
      { conversation_id: conversationId, value: 'good', comment: 'Quick and kind.', created_at: expect.any(String) },
    ]);
    const update = await aliceSocket.wait(
      'conversation.updated',
      (f) => f.conversation.id === conversationId && f.conversation.rating?.value === 'good',
    );
    expect(update.conversation.rating).toEqual({
      value: 'good',
      comment: 'Quick and kind.',
      createdAt: expect.any(String),
    });

    // The visitor's conversations as the operator reads them carry it too.
    const cookie = await loginCookie(server, alice.email);
    const listed = await call<{ conversations: ConversationSummary[] }>(
      server,
      'GET',
      `/api/operator/visitors/${handle.visitorId}/conversations`,
      { cookie },
    );
    expect(listed.body.conversations[0]?.rating).toMatchObject({ value: 'good', comment: 'Quick and kind.' });
  });

  it('given again replaces the first; a blank comment is none', async () => {
    const handle = await newVisitor(server);
    const conversationId = await resolved(handle);
    await rate(handle, conversationId, { value: 'good', comment: 'Fine' });
    expect((await rate(handle, conversationId, { value: 'bad', comment: '   ' })).status).toBe(204);
    expect(await ratings()).toEqual([
      { conversation_id: conversationId, value: 'bad', comment: null, created_at: expect.any(String) },
    ]);
    await aliceSocket.wait(
      'conversation.updated',
      (f) => f.conversation.id === conversationId && f.conversation.rating?.value === 'bad',
    );
  });

  it('is refused while the conversation is open (409), storing nothing', async () => {
    const handle = await newVisitor(server);
    const tab = await handle.connect();
    const { conversationId } = await say(tab, 'Hello');
    const answer = await rate(handle, conversationId, { value: 'okay' });
    expect(refused(answer)).toEqual({ status: 409, code: 'conflict' });
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(await ratings()).toEqual([]);
  });

  it('is refused for another visitor’s conversation or an unknown one (404), storing nothing', async () => {
    const owner = await newVisitor(server);
    const conversationId = await resolved(owner);
    const stranger = await newVisitor(server);
    expect(refused(await rate(stranger, conversationId, { value: 'bad' }))).toEqual({ status: 404, code: 'not_found' });
    expect(refused(await rate(owner, 'no-such-conversation', { value: 'bad' }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(await ratings()).toEqual([]);
  });

  const wrong: Array<[string, unknown]> = [
    ['an unknown value', { value: 'great' }],
    ['no value', { comment: 'hm' }],
    ['a comment over 1000 characters', { value: 'okay', comment: 'x'.repeat(1001) }],
    ['an unknown field', { value: 'okay', stars: 5 }],
  ];
  it.each(wrong)('refuses %s with 400 bad_request, keeping the earlier rating', async (_what, body) => {
    const handle = await newVisitor(server);
    const conversationId = await resolved(handle);
    await rate(handle, conversationId, { value: 'okay' });
    const before = await ratings();
    expect(refused(await rate(handle, conversationId, body))).toEqual({ status: 400, code: 'bad_request' });
    expect(await ratings()).toEqual(before);
  });

  it('is refused from another origin and without the visitor’s token, storing nothing', async () => {
    const handle = await newVisitor(server);
    const conversationId = await resolved(handle);
    expect(refused(await rate(handle, conversationId, { value: 'good' }, 'https://evil.example'))).toEqual({
      status: 403,
      code: 'bad_origin',
    });
    expect(refused(await rate({ token: 'x'.repeat(32) }, conversationId, { value: 'good' }))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect(await ratings()).toEqual([]);
  });
});
