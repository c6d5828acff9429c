// Alerts: the queue alert after a site's wait, each operator's alert preferences, and the session
// check that answers without an error when nobody is signed in.

import type { LoginResult, OperatorProfile, SiteBody } from '@livechat/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { api, refusal } from './accounts-harness.ts';
import {
  type TestServer,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  say,
  setAvailability,
  settle,
  startServer,
} from './harness.ts';

let server: TestServer;
afterEach(async () => {
  await discard(server);
});

describe('the queue alert', () => {
  it('alerts every online operator once when a queued conversation waits longer than the site allows', async () => {
    server = await startServer({ queueAlertCheckMs: 50, queueAlertMinSeconds: 1 });
    const admin = await createOperator(server, 'Ada', 'admin');
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const adminCookie = await loginCookie(server, admin.email);
    const changed = await api<SiteBody>(server, adminCookie, 'PATCH', '/api/admin/sites/shop', {
      queueAlertSeconds: 1,
    });
    expect(changed.body.site.queueAlertSeconds).toBe(1);
    // Alice is full, Bob away, Ada online but full too: nobody takes the new chat.
    for (const operator of [admin, alice]) {
      await api(server, adminCookie, 'PATCH', `/api/admin/team/${operator.id}`, { capacity: 1 });
    }
    await setAvailability(server, bob, 'away');
    const sockets = [await connectOperator(server, admin), await connectOperator(server, alice)];
    const bobSocket = await connectOperator(server, bob);
    await say(await (await newVisitor(server)).connect(), 'first');
    await say(await (await newVisitor(server)).connect(), 'second');
    const started = Date.now();
    const waiting = (await newVisitor(server)).connect();
    const queued = await say(await waiting, 'is anyone there?');
    expect((await server.app.store.conversations.byId(queued.conversationId))?.assignedOperatorId).toBeNull();

    for (const socket of sockets) {
      const alert = await socket.wait('queue.waiting', (f) => f.conversation.id === queued.conversationId, 3000);
      expect(alert.conversation.lastMessage?.body).toBe('is anyone there?');
      expect(Date.parse(alert.waitingSince)).toBeLessThanOrEqual(Date.now());
    }
    // Not before the wait the site allows.
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    await settle(500);
    for (const socket of sockets) expect(socket.of('queue.waiting')).toHaveLength(1);
    // Away operators are not alerted.
    expect(bobSocket.of('queue.waiting')).toEqual([]);
  });

  it('keeps the site setting within 30–3600 seconds by default', async () => {
    server = await startServer();
    const admin = await createOperator(server, 'Ada', 'admin');
    const cookie = await loginCookie(server, admin.email);
    const site = await api<SiteBody>(server, cookie, 'GET', '/api/admin/sites');
    expect((site.body as unknown as { sites: Array<{ queueAlertSeconds: number }> }).sites[0]?.queueAlertSeconds).toBe(
      120,
    );
    for (const bad of [29, 3601, 60.5, '60']) {
      expect(
        refusal(await api(server, cookie, 'PATCH', '/api/admin/sites/shop', { queueAlertSeconds: bad })).status,
      ).toBe(400);
    }
    expect(await server.sql('SELECT queue_alert_seconds AS s FROM sites')).toEqual([{ s: 120 }]);
    const created = await api<SiteBody>(server, cookie, 'POST', '/api/admin/sites', {
      name: 'Blog',
      allowedOrigins: ['https://blog.example.com'],
      queueAlertSeconds: 300,
    });
    expect(created.body.site.queueAlertSeconds).toBe(300);
  });
});

describe('alert preferences and the session', () => {
  it('keeps sound and desktop alerts per operator, on by default', async () => {
    server = await startServer();
    const alice = await createOperator(server, 'Alice');
    const cookie = await loginCookie(server, alice.email);
    const me = async () => (await api<{ operator: OperatorProfile }>(server, cookie, 'GET', '/api/operator/me')).body;
    expect((await me()).operator.alerts).toEqual({ sound: true, desktop: true });
    const changed = await api<LoginResult>(server, cookie, 'PATCH', '/api/operator/me', { alerts: { sound: false } });
    expect(changed.body.operator.alerts).toEqual({ sound: false, desktop: true });
    for (const bad of [{ alerts: {} }, { alerts: { sound: 'no' } }, { alerts: { volume: 3 } }]) {
      expect(refusal(await api(server, cookie, 'PATCH', '/api/operator/me', bad)).status).toBe(400);
    }
    expect((await me()).operator.alerts).toEqual({ sound: false, desktop: true });
  });

  it('says who is signed in, or nobody, without an error', async () => {
    server = await startServer();
    const alice = await createOperator(server, 'Alice');
    const nobody = await api<{ operator: OperatorProfile | null }>(server, '', 'GET', '/api/operator/session');
    expect(nobody).toMatchObject({ status: 200, body: { operator: null } });
    const cookie = await loginCookie(server, alice.email);
    const signedIn = await api<{ operator: OperatorProfile | null }>(server, cookie, 'GET', '/api/operator/session');
    expect(signedIn.body.operator).toMatchObject({ id: alice.id, availability: 'online' });
    expect((await api(server, '', 'GET', '/api/operator/me')).status).toBe(401);
  });
});
