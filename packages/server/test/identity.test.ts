// Identity verification: known contacts across devices, refused hashes, attributes, logout, migration.

import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/ids.ts';
import { hashMatches, identityHash } from '../src/visitors/identity.ts';
import {
  Client,
  SITE_ORIGIN,
  type TestServer,
  createOperator,
  loginCookie,
  newVisitor,
  discard,
  say,
  startServer,
  sync,
  visitorUrl,
} from './harness.ts';

let server: TestServer;
let secret: string;
beforeEach(async () => {
  server = await startServer();
  secret = (await server.app.store.sites.get('shop'))?.identitySecret ?? '';
});
afterEach(async () => {
  await discard(server);
});

async function call(path: string, token: string, body?: unknown, method = 'POST') {
  const response = await fetch(`${server.url}/api/sites/shop/${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      origin: SITE_ORIGIN,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function asOperator(path: string, init: RequestInit = {}) {
  const alice = await createOperator(server, `Op${Math.random().toString(36).slice(2, 8)}`, 'admin');
  const cookie = await loginCookie(server, alice.email);
  const response = await fetch(`${server.url}${path}`, {
    ...init,
    headers: { cookie, origin: server.origin, 'content-type': 'application/json', ...init.headers },
  });
  return { status: response.status, body: await response.json() };
}

describe('the site secret', () => {
  it('is 256 random bits per site, and hashes are checked in constant time', async () => {
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await server.app.store.sites.save({ id: 'other', name: 'Other', allowedOrigins: [] });
    expect((await server.app.store.sites.get('other'))?.identitySecret).not.toBe(secret);
    const hash = identityHash(secret, 'user-42');
    expect(hashMatches(secret, 'user-42', hash)).toBe(true);
    expect(hashMatches(secret, 'user-42', hash.toUpperCase())).toBe(true);
    expect(hashMatches(secret, 'user-43', hash)).toBe(false);
    expect(hashMatches(secret, 'user-42', hash.slice(2))).toBe(false);
    expect(hashMatches(secret, 'user-42', 'zz'.repeat(32))).toBe(false);
  });

  it('is kept when the site is saved again', async () => {
    await server.app.store.sites.save({ id: 'shop', name: 'Shop renamed', allowedOrigins: [SITE_ORIGIN] });
    expect((await server.app.store.sites.get('shop'))?.identitySecret).toBe(secret);
  });
});

describe('a verified contact', () => {
  it('is the same contact, with the same conversation, on a second browser', async () => {
    const laptop = await newVisitor(server);
    const hash = identityHash(secret, 'user-42');
    const first = await call('identify', laptop.token, { id: 'user-42', name: 'Ada', email: 'ada@example.com', hash });
    expect(first).toEqual({ status: 200, body: { visitorId: laptop.visitorId, token: null, verified: true } });
    const laptopSocket = await laptop.connect();
    const message = await say(laptopSocket, 'Hello from my laptop');

    const phone = await newVisitor(server);
    await call('page-views', phone.token, { url: 'https://shop.test/phone-page', title: 'Phone page' });
    const second = await call('identify', phone.token, { id: 'user-42', hash });
    expect(second.status).toBe(200);
    expect(second.body.visitorId).toBe(laptop.visitorId);
    expect(second.body.token).toEqual(expect.any(String));

    const phoneSocket = await Client.connect(visitorUrl(server, second.body.token), { origin: SITE_ORIGIN });
    const welcome = await phoneSocket.wait('welcome');
    expect('conversation' in welcome ? welcome.conversation?.id : undefined).toBe(message.conversationId);
    const history = await sync(phoneSocket, 0);
    expect(history.messages.map((m) => m.body)).toEqual(['Hello from my laptop']);
    // What the phone browsed before logging in is part of the contact's history.
    const pages = await server.app.store.visitors.recentPageViews(laptop.visitorId, 10);
    expect(pages.map((p) => p.title)).toContain('Phone page');
    // The token is stored hashed, like every other.
    expect(
      await server.sql('SELECT 1 FROM visitor_tokens WHERE token_hash = ?', hashSecret(second.body.token)),
    ).toHaveLength(1);
    expect(await server.sql('SELECT 1 FROM visitor_tokens WHERE token_hash = ?', second.body.token)).toHaveLength(0);

    const details = await asOperator(`/api/operator/visitors/${laptop.visitorId}`);
    expect(details.body.visitor).toMatchObject({ name: 'Ada', email: 'ada@example.com', externalId: 'user-42' });
    await Promise.all([laptopSocket.close(), phoneSocket.close()]);
  });

  it('a wrong hash is refused with a typed error and reveals or merges nothing', async () => {
    const owner = await newVisitor(server);
    await call('identify', owner.token, { id: 'user-42', name: 'Ada', hash: identityHash(secret, 'user-42') });
    const ownerSocket = await owner.connect();
    await say(ownerSocket, 'Private question');

    const attacker = await newVisitor(server);
    for (const hash of [identityHash(secret, 'user-43'), identityHash('not-the-secret', 'user-42'), 'abc']) {
      const refused = await call('identify', attacker.token, { id: 'user-42', name: 'Mallory', hash });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('identity_invalid');
    }
    const transcript = await call('conversation', attacker.token, undefined, 'GET');
    expect(transcript.body).toEqual({ conversation: null, messages: [] });
    expect((await server.app.store.visitors.byId(owner.visitorId))?.name).toBe('Ada');
    expect((await server.app.store.visitors.byId(attacker.visitorId))?.externalId).toBeNull();
    await ownerSocket.close();
  });

  it('is never overwritten by an unverified identify: the other user gets a visitor of their own', async () => {
    const browser = await newVisitor(server);
    await call('identify', browser.token, { id: 'user-42', name: 'Ada', hash: identityHash(secret, 'user-42') });
    const other = await call('identify', browser.token, { id: 'user-99', name: 'Bob' });
    expect(other.status).toBe(200);
    expect(other.body.visitorId).not.toBe(browser.visitorId);
    expect(other.body.verified).toBe(false);
    expect((await server.app.store.visitors.byId(browser.visitorId))?.name).toBe('Ada');
  });
});

describe('an unverified identify', () => {
  it('names this browser’s visitor only, and never joins another device', async () => {
    const one = await newVisitor(server);
    const two = await newVisitor(server);
    expect((await call('identify', one.token, { id: 'user-7', name: 'Zoe', email: 'zoe@example.com' })).body).toEqual({
      visitorId: one.visitorId,
      token: null,
      verified: false,
    });
    expect((await call('identify', two.token, { id: 'user-7', name: 'Zoe' })).body.visitorId).toBe(two.visitorId);
    expect(await server.app.store.visitors.byId(one.visitorId)).toMatchObject({
      name: 'Zoe',
      email: 'zoe@example.com',
    });
  });

  it('is refused when the site requires identity, and the visitor stays as it was', async () => {
    await server.app.store.sites.setRequireIdentity('shop', true);
    const visitor = await newVisitor(server);
    const refused = await call('identify', visitor.token, { id: 'user-7', name: 'Zoe' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({ code: 'identity_invalid', message: expect.stringContaining('requires') });
    expect((await server.app.store.visitors.byId(visitor.visitorId))?.name).toBeNull();
    const accepted = await call('identify', visitor.token, {
      id: 'user-7',
      name: 'Zoe',
      hash: identityHash(secret, 'user-7'),
    });
    expect(accepted.body.verified).toBe(true);
  });

  it('refuses bad input with a typed error', async () => {
    const visitor = await newVisitor(server);
    for (const body of [{}, { id: '' }, { id: 'x', email: 'not-an-email' }, { id: 'x', extra: 1 }]) {
      const refused = await call('identify', visitor.token, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.code).toBe('bad_request');
    }
    expect((await call('identify', 'not-a-valid-token-at-all', { id: 'x' })).status).toBe(401);
  });
});

describe('attributes', () => {
  it('are merged, removed with null, and shown to the operator', async () => {
    const visitor = await newVisitor(server);
    expect((await call('attributes', visitor.token, { attributes: { plan: 'pro', seats: '12' } })).status).toBe(204);
    expect((await call('attributes', visitor.token, { attributes: { seats: null, company: 'Acme' } })).status).toBe(
      204,
    );
    const socket = await visitor.connect();
    await say(socket, 'Hi');
    const details = await asOperator(`/api/operator/visitors/${visitor.visitorId}`);
    expect(details.body.visitor.attributes).toEqual({ plan: 'pro', company: 'Acme' });
    await socket.close();
  });

  it('refuses odd keys, long values and too many attributes, changing nothing', async () => {
    const visitor = await newVisitor(server);
    await call('attributes', visitor.token, { attributes: { plan: 'pro' } });
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, 'v']));
    for (const attributes of [
      { __proto__x: 'a' },
      { 'has space': 'a' },
      { plan: 'x'.repeat(501) },
      { plan: 3 },
      many,
    ]) {
      const refused = await call('attributes', visitor.token, { attributes });
      expect(refused.status).toBe(400);
    }
    expect((await server.app.store.visitors.byId(visitor.visitorId))?.attributes).toEqual({ plan: 'pro' });
  });

  it('are visible only to operators who may see the visitor', async () => {
    const visitor = await newVisitor(server);
    expect((await asOperator(`/api/operator/visitors/${visitor.visitorId}`)).status).toBe(403);
    expect((await asOperator('/api/operator/visitors/nope')).status).toBe(400);
    expect((await fetch(`${server.url}/api/operator/visitors/${visitor.visitorId}`)).status).toBe(401);
  });
});

describe('logout', () => {
  it('ends the token: it no longer reads or changes anything', async () => {
    const visitor = await newVisitor(server);
    expect((await call('logout', visitor.token)).status).toBe(204);
    expect((await call('conversation', visitor.token, undefined, 'GET')).status).toBe(401);
    expect((await call('identify', visitor.token, { id: 'x' })).status).toBe(401);
  });
});

describe('site identity settings', () => {
  it('admins read the secret, require identity and rotate the secret', async () => {
    const read = await asOperator('/api/operator/sites/shop/identity');
    expect(read.body).toEqual({ secret, requireIdentity: false });
    const updated = await asOperator('/api/operator/sites/shop/identity', {
      method: 'PUT',
      body: JSON.stringify({ requireIdentity: true, rotateSecret: true }),
    });
    expect(updated.body.requireIdentity).toBe(true);
    expect(updated.body.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(updated.body.secret).not.toBe(secret);
  });

  it('are not for operators who are not admins', async () => {
    const bob = await createOperator(server, 'Bob');
    const cookie = await loginCookie(server, bob.email);
    const response = await fetch(`${server.url}/api/operator/sites/shop/identity`, { headers: { cookie } });
    expect(response.status).toBe(403);
  });
});

describe('the migration', () => {
  it('keeps the tokens of visitors created before it working', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'livechat-migrate-'));
    const db = new Database(join(dataDir, 'livechat.sqlite'));
    db.exec('CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
    db.exec(readFileSync(new URL('../src/db/sqlite/migrations/001_init.sql', import.meta.url), 'utf8'));
    const time = new Date().toISOString();
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?)').run('001_init.sql', time);
    db.prepare('INSERT INTO sites (id, name, allowed_origins, created_at) VALUES (?, ?, ?, ?)').run(
      'shop',
      'Shop',
      JSON.stringify([SITE_ORIGIN]),
      time,
    );
    const oldToken = 'an-old-token-minted-before-identity';
    db.prepare('INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES (?, ?, ?, ?, ?)').run(
      'old-visitor-0001',
      'shop',
      hashSecret(oldToken),
      time,
      time,
    );
    db.close();

    // SQLite's own migration, whichever store the rest of the suite runs on.
    const upgraded = await startServer({ databaseUrl: null }, dataDir);
    try {
      const response = await fetch(`${upgraded.url}/api/sites/shop/conversation`, {
        headers: { authorization: `Bearer ${oldToken}`, origin: SITE_ORIGIN },
      });
      expect(response.status).toBe(200);
      expect((await upgraded.app.store.sites.get('shop'))?.identitySecret).toMatch(/^[0-9a-f]{64}$/);
    } finally {
      await discard(upgraded);
    }
  });
});
