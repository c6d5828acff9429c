// The pre-chat form: set per site by an admin, read by the widget, and what the visitor answers in it.

import type { OperatorProfile, SiteBody, WidgetConfig } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { identityHash } from '../src/visitors/identity.ts';
import { type Answer, call, refused } from './away-harness.ts';
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
let ada: OperatorProfile;
let adminCookie: string;
beforeEach(async () => {
  server = await startServer();
  ada = await createOperator(server, 'Ada', 'admin');
  adminCookie = await loginCookie(server, ada.email);
});
afterEach(async () => {
  await discard(server);
});

const asAdmin = <T>(method: string, path: string, body?: unknown): Promise<Answer<T>> =>
  call<T>(server, method, path, { cookie: adminCookie, origin: server.origin, body });
const widgetConfig = () => call<WidgetConfig>(server, 'GET', '/api/sites/shop/widget', { origin: SITE_ORIGIN });
const siteRows = () => server.sql('SELECT * FROM sites ORDER BY id');

describe('the pre-chat form setting', () => {
  it('is off for both fields until an admin sets it', async () => {
    expect((await widgetConfig()).body.widget.prechat).toEqual({ name: 'off', email: 'off' });
    const created = await asAdmin<SiteBody>('POST', '/api/admin/sites', {
      name: 'Bakery',
      allowedOrigins: ['https://bakery.example'],
    });
    expect(created.body.site.widget.prechat).toEqual({ name: 'off', email: 'off' });
  });

  it('is kept per field, returned to the widget, and one field changed alone keeps the other', async () => {
    const set = await asAdmin<SiteBody>('PATCH', '/api/admin/sites/shop', {
      widget: { prechat: { name: 'optional', email: 'required' } },
    });
    expect(set.status).toBe(200);
    expect(set.body.site.widget.prechat).toEqual({ name: 'optional', email: 'required' });
    const config = await widgetConfig();
    expect(config.status).toBe(200);
    expect(config.body.widget.prechat).toEqual({ name: 'optional', email: 'required' });

    await asAdmin('PATCH', '/api/admin/sites/shop', { widget: { prechat: { name: 'off' } } });
    expect((await widgetConfig()).body.widget.prechat).toEqual({ name: 'off', email: 'required' });
    // Other widget changes leave it as it is.
    await asAdmin('PATCH', '/api/admin/sites/shop', { widget: { title: 'Help' } });
    expect((await widgetConfig()).body.widget).toMatchObject({
      title: 'Help',
      prechat: { name: 'off', email: 'required' },
    });
  });

  it('is set on a new site too', async () => {
    const created = await asAdmin<SiteBody>('POST', '/api/admin/sites', {
      name: 'Bakery',
      allowedOrigins: ['https://bakery.example'],
      widget: { prechat: { name: 'required', email: 'off' } },
    });
    expect(created.status).toBe(201);
    expect(created.body.site.widget.prechat).toEqual({ name: 'required', email: 'off' });
  });

  const wrong: Array<[string, unknown]> = [
    ['an unknown mode', { name: 'always', email: 'off' }],
    ['a boolean', { name: true }],
    ['an unknown field', { name: 'off', phone: 'required' }],
    ['null', null],
  ];
  it.each(wrong)('refuses %s with 400 bad_request, storing nothing', async (_what, prechat) => {
    const before = await siteRows();
    const answer = await asAdmin('PATCH', '/api/admin/sites/shop', { widget: { prechat } });
    expect(refused(answer)).toEqual({ status: 400, code: 'bad_request' });
    expect(await siteRows()).toEqual(before);
  });

  it('is changed by admins only', async () => {
    const bob = await createOperator(server, 'Bob');
    const cookie = await loginCookie(server, bob.email);
    const before = await siteRows();
    const answer = await call(server, 'PATCH', '/api/admin/sites/shop', {
      cookie,
      origin: server.origin,
      body: { widget: { prechat: { name: 'required' } } },
    });
    expect(refused(answer)).toEqual({ status: 403, code: 'forbidden' });
    expect(await siteRows()).toEqual(before);
  });
});

describe('the answers to the pre-chat form', () => {
  let aliceSocket: Client;
  beforeEach(async () => {
    aliceSocket = await connectOperator(server, await createOperator(server, 'Alice'));
  });

  const leave = (handle: VisitorHandle, body: unknown, origin = SITE_ORIGIN) =>
    call(server, 'POST', '/api/sites/shop/contact', { origin, token: handle.token, body });
  const profileOf = async (visitorId: string) =>
    (
      await server.sql<{ name: string | null; email: string | null }>(
        'SELECT name, email FROM visitors WHERE id = ?',
        visitorId,
      )
    )[0];
  const visitorRows = () => server.sql('SELECT * FROM visitors ORDER BY id');

  it('are stored on the visitor, trimmed, and the operator sees them on the conversation at once', async () => {
    const handle = await newVisitor(server);
    const tab = await handle.connect();
    const { conversationId } = await say(tab, 'Hello');

    const answer = await leave(handle, { name: '  Jo Martin ', email: ' jo@example.com ' });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(await profileOf(handle.visitorId)).toEqual({ name: 'Jo Martin', email: 'jo@example.com' });
    const update = await aliceSocket.wait(
      'conversation.updated',
      (f) => f.conversation.id === conversationId && f.conversation.visitor.name === 'Jo Martin',
    );
    expect(update.conversation.visitor).toMatchObject({ name: 'Jo Martin', email: 'jo@example.com' });
    await tab.close();
  });

  it('may be one field alone, before the first message, and keep the other one', async () => {
    const handle = await newVisitor(server);
    expect((await leave(handle, { email: 'jo@example.com' })).status).toBe(204);
    expect((await leave(handle, { name: 'Jo' })).status).toBe(204);
    expect(await profileOf(handle.visitorId)).toEqual({ name: 'Jo', email: 'jo@example.com' });
  });

  it('do not replace what a verified contact is known by', async () => {
    const handle = await newVisitor(server);
    const site = await server.app.store.sites.get('shop');
    const identified = await call(server, 'POST', '/api/sites/shop/identify', {
      origin: SITE_ORIGIN,
      token: handle.token,
      body: {
        id: 'user-7',
        name: 'Known Name',
        email: 'known@example.com',
        hash: identityHash(site?.identitySecret ?? '', 'user-7'),
      },
    });
    expect(identified.status).toBe(200);
    expect((await leave(handle, { name: 'Other', email: 'other@example.com' })).status).toBe(204);
    expect(await profileOf(handle.visitorId)).toEqual({ name: 'Known Name', email: 'known@example.com' });
  });

  const malformed: Array<[string, unknown]> = [
    ['nothing at all', {}],
    ['a blank name alone', { name: '   ' }],
    ['a name over 100 characters', { name: 'x'.repeat(101) }],
    ['a malformed email', { name: 'Jo', email: 'jo@' }],
    ['an email that is a number', { email: 42 }],
    ['an unknown field', { name: 'Jo', phone: '123' }],
  ];
  it.each(malformed)('refuse %s with 400 bad_request, storing nothing', async (_what, body) => {
    const handle = await newVisitor(server);
    await leave(handle, { name: 'Kept', email: 'kept@example.com' });
    const before = await visitorRows();
    const answer = await leave(handle, body);
    expect(refused(answer)).toEqual({ status: 400, code: 'bad_request' });
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(await visitorRows()).toEqual(before);
  });

  it('are refused from another origin and without a valid token, storing nothing', async () => {
    const handle = await newVisitor(server);
    const before = await visitorRows();
    expect(refused(await leave(handle, { name: 'Jo' }, 'https://evil.example'))).toEqual({
      status: 403,
      code: 'bad_origin',
    });
    const noToken = await call(server, 'POST', '/api/sites/shop/contact', {
      origin: SITE_ORIGIN,
      body: { name: 'Jo' },
    });
    expect(refused(noToken)).toEqual({ status: 401, code: 'unauthorized' });
    const badToken = await call(server, 'POST', '/api/sites/shop/contact', {
      origin: SITE_ORIGIN,
      token: 'not-a-token',
      body: { name: 'Jo' },
    });
    expect(refused(badToken).status).toBe(401);
    expect(await visitorRows()).toEqual(before);
  });
});
