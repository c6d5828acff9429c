// Sessions that end: logout, a new password, a visitor's reset(), and one's own profile.

import type { ErrorBody, LoginResult } from '@livechat/protocol';
import { CLOSE_SESSION_ENDED } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { accountRows, api, closedWithin, operatorSocket, refusal } from './accounts-harness.ts';
import {
  Client,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  PASSWORDS,
  SITE_ORIGIN,
  say,
  settle,
  startServer,
  type TestServer,
  visitorUrl,
} from './harness.ts';

let server: TestServer;
const open: Client[] = [];

beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
  await discard(server);
});

const login = (email: string, password: string) =>
  api<LoginResult>(server, '', 'POST', '/api/operator/login', { email, password });
const profile = (cookie: string, body: unknown) => api<LoginResult>(server, cookie, 'PATCH', '/api/operator/me', body);

describe('logout', () => {
  it('closes that session’s sockets at once, and not another session’s', async () => {
    await createOperator(server, 'Bob');
    const laptop = await loginCookie(server, 'bob@example.com');
    const phone = await loginCookie(server, 'bob@example.com');
    const laptopSockets = [await operatorSocket(server, laptop), await operatorSocket(server, laptop)];
    const phoneSocket = await operatorSocket(server, phone);
    open.push(...laptopSockets, phoneSocket);

    const closings = laptopSockets.map((socket) => closedWithin(socket, 1000));
    const out = await api(server, laptop, 'POST', '/api/operator/logout');
    expect(out.status).toBe(204);
    expect(await Promise.all(closings)).toEqual([CLOSE_SESSION_ENDED, CLOSE_SESSION_ENDED]);
    expect((await api(server, laptop, 'GET', '/api/operator/me')).status).toBe(401);
    await expect(operatorSocket(server, laptop)).rejects.toThrow(/401/);

    // The other session goes on: its socket still receives.
    expect(phoneSocket.socket.readyState).toBe(phoneSocket.socket.OPEN);
    const visitor = await newVisitor(server);
    const visitorSocket = await visitor.connect();
    open.push(visitorSocket);
    await say(visitorSocket, 'anyone there?');
    await phoneSocket.wait('conversation.updated');
    expect((await api(server, phone, 'GET', '/api/operator/me')).status).toBe(200);
  });
});

describe('a visitor’s reset()', () => {
  it('closes the sockets of that token, and only of that token', async () => {
    const resetting = await newVisitor(server);
    const other = await newVisitor(server);
    const tabs = [await resetting.connect(), await resetting.connect()];
    const otherSocket = await other.connect();
    open.push(...tabs, otherSocket);

    const closings = tabs.map((tab) => closedWithin(tab, 1000));
    const out = await fetch(`${server.url}/api/sites/shop/logout`, {
      method: 'POST',
      headers: { origin: SITE_ORIGIN, authorization: `Bearer ${resetting.token}` },
    });
    expect(out.status).toBe(204);
    expect(await Promise.all(closings)).toEqual([CLOSE_SESSION_ENDED, CLOSE_SESSION_ENDED]);
    await expect(Client.connect(visitorUrl(server, resetting.token), { origin: SITE_ORIGIN })).rejects.toThrow(/401/);
    await settle(50);
    expect(otherSocket.socket.readyState).toBe(otherSocket.socket.OPEN);
    await say(otherSocket, 'still here');
  });
});

/** The HTTP answer to an upgrade the server refuses. */
function refusedUpgrade(url: string, headers: Record<string, string>): Promise<{ status: number; body: ErrorBody }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => reject(new Error('the upgrade was accepted')));
    socket.once('error', reject);
    socket.once('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as ErrorBody }));
    });
  });
}

describe('repeated query parameters', () => {
  it('are a clear 400 on both socket routes and on the HTTP routes that read a query', async () => {
    const visitor = await newVisitor(server);
    await createOperator(server, 'Bob');
    const cookie = await loginCookie(server, 'bob@example.com');
    const ws = server.url.replace('http', 'ws');
    const token = encodeURIComponent(visitor.token);
    for (const url of [
      `${ws}/ws/visitor?site=shop&token=${token}&token=${token}`,
      `${ws}/ws/visitor?site=shop&site=shop&token=${token}`,
    ]) {
      const refused = await refusedUpgrade(url, { origin: SITE_ORIGIN });
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
      expect(refused.body.error.message).toMatch(/given more than once/);
    }
    const operatorRefused = await refusedUpgrade(`${ws}/ws/operator?x=1&x=2`, { origin: server.origin, cookie });
    expect(operatorRefused.status).toBe(400);
    await expect(
      Client.connect(`${ws}/ws/visitor?site=shop&token=${token}&token=${token}`, { origin: SITE_ORIGIN }),
    ).rejects.toThrow(/400/);

    const socket = await visitor.connect();
    open.push(socket);
    const { conversationId } = await say(socket, 'hi');
    const messages = await api<ErrorBody>(
      server,
      cookie,
      'GET',
      `/api/operator/conversations/${conversationId}/messages?afterSeq=1&afterSeq=2`,
    );
    expect(refusal(messages)).toEqual({ status: 400, code: 'bad_request' });
    expect(messages.body.error.message).toMatch(/"afterSeq" is given more than once/);
    const tickets = await api(server, cookie, 'GET', '/api/operator/tickets?q=a&q=b');
    expect(refusal(tickets)).toEqual({ status: 400, code: 'bad_request' });
  });
});

describe('one’s own account', () => {
  it('changes the name and notification preference alone, as before', async () => {
    const bob = await createOperator(server, 'Bob');
    const cookie = await loginCookie(server, 'bob@example.com');
    const changed = await profile(cookie, { name: 'Robert', notify: 'email' });
    expect(changed.body.operator).toEqual({ ...bob, name: 'Robert', notify: 'email' });
    expect((await profile(cookie, { notify: 'inbox' })).body.operator.notify).toBe('inbox');
  });

  it('a new password needs the current one and ends the other sessions and their sockets', async () => {
    await createOperator(server, 'Bob');
    const current = PASSWORDS['bob@example.com'] ?? '';
    const here = await loginCookie(server, 'bob@example.com');
    const elsewhere = await loginCookie(server, 'bob@example.com');
    const hereSocket = await operatorSocket(server, here);
    const elsewhereSocket = await operatorSocket(server, elsewhere);
    open.push(hereSocket, elsewhereSocket);

    const before = await accountRows(server);
    const missing = await profile(here, { newPassword: 'a-brand-new-password' });
    expect(refusal(missing)).toEqual({ status: 400, code: 'bad_request' });
    const wrong = await profile(here, { newPassword: 'a-brand-new-password', currentPassword: 'not it' });
    expect(refusal(wrong)).toEqual({ status: 401, code: 'unauthorized' });
    const weak = await profile(here, { newPassword: 'short', currentPassword: current });
    expect(refusal(weak)).toEqual({ status: 400, code: 'bad_request' });
    expect((weak.body as unknown as ErrorBody).error.message).toMatch(/at least 10 characters/);
    expect(await accountRows(server)).toEqual(before);

    const closing = closedWithin(elsewhereSocket, 1000);
    const changed = await profile(here, { newPassword: 'a-brand-new-password', currentPassword: current });
    expect(changed.status).toBe(200);
    expect(await closing).toBe(CLOSE_SESSION_ENDED);
    expect((await api(server, elsewhere, 'GET', '/api/operator/me')).status).toBe(401);
    expect((await api(server, here, 'GET', '/api/operator/me')).status).toBe(200);
    expect(hereSocket.socket.readyState).toBe(hereSocket.socket.OPEN);
    expect((await login('bob@example.com', current)).status).toBe(401);
    expect((await login('bob@example.com', 'a-brand-new-password')).status).toBe(200);
  });

  it('a new email needs the current password, must be well formed and nobody else’s', async () => {
    await createOperator(server, 'Bob');
    await createOperator(server, 'Carol');
    const current = PASSWORDS['bob@example.com'] ?? '';
    const cookie = await loginCookie(server, 'bob@example.com');
    const before = await accountRows(server);
    expect(refusal(await profile(cookie, { email: 'robert@example.com' }))).toEqual({
      status: 400,
      code: 'bad_request',
    });
    expect(refusal(await profile(cookie, { email: 'robert@example.com', currentPassword: 'nope' }))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect(refusal(await profile(cookie, { email: 'Carol@Example.com', currentPassword: current }))).toEqual({
      status: 409,
      code: 'conflict',
    });
    expect(refusal(await profile(cookie, { email: 'robert at example', currentPassword: current }))).toEqual({
      status: 400,
      code: 'bad_request',
    });
    expect(refusal(await profile(cookie, { currentPassword: current }))).toEqual({ status: 400, code: 'bad_request' });
    expect(await accountRows(server)).toEqual(before);

    const changed = await profile(cookie, { email: 'robert@example.com', currentPassword: current });
    expect(changed.body.operator.email).toBe('robert@example.com');
    expect((await login('robert@example.com', current)).status).toBe(200);
    // Its own address in another case is no change and needs no password.
    expect((await profile(cookie, { email: 'Robert@example.com' })).status).toBe(200);
  });
});
