// Sites run for real: an admin lists, creates, edits and archives them; the widget reads its settings;
// a wrong embed is refused with a reason the page can read.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import {
  CLOSE_NOT_AVAILABLE,
  type ErrorBody,
  type SiteBody,
  type SiteDetails,
  type SiteList,
  type WidgetConfig,
} from '@livechat/protocol';
import WebSocket from 'ws';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_SITE_ID, demoOrigins, seedDemo } from '../src/demo/seed.ts';
import {
  Client,
  SITE_ORIGIN,
  type TestServer,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  say,
  startServer,
  visitorUrl,
} from './harness.ts';
import { closedWithin } from './accounts-harness.ts';
import { countRows, jsonValue } from './stored-rows.ts';

let server: TestServer;
let adminCookie: string;
beforeEach(async () => {
  server = await startServer();
  adminCookie = await loginCookie(server, (await createOperator(server, 'Ada', 'admin')).email);
});
afterEach(async () => {
  await discard(server);
});

interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

async function call<T>(method: string, path: string, init: { cookie?: string; origin?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.origin) headers.origin = init.origin;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null } as Answer<T>;
}

const asAdmin = <T>(method: string, path: string, body?: unknown) =>
  call<T>(method, path, { cookie: adminCookie, origin: server.origin, body });

async function createSite(input: Record<string, unknown>): Promise<SiteDetails> {
  const created = await asAdmin<SiteBody>('POST', '/api/admin/sites', input);
  expect(created.status).toBe(201);
  return created.body.site;
}

const siteRows = () => server.sql('SELECT * FROM sites ORDER BY id');

describe('an admin', () => {
  it('creates a site: normalised origins, the default look, a fresh id and the snippet to paste', async () => {
    const site = await createSite({
      name: '  Bakery  ',
      allowedOrigins: ['HTTPS://Bakery.Example:443/', '', 'http://localhost:8080', 'https://bakery.example'],
    });
    expect(site).toMatchObject({
      name: 'Bakery',
      allowedOrigins: ['https://bakery.example', 'http://localhost:8080'],
      widget: { color: null, position: 'right', title: null, greeting: null, locale: null },
      requireIdentity: false,
      archived: false,
    });
    expect(site.id).toMatch(/^[\w-]{21}$/);
    expect(site.snippet).toBe(
      '<script>window.LiveChat=window.LiveChat||function(){(LiveChat.q=LiveChat.q||[]).push(arguments)};</script>\n' +
        `<script src="${server.url}/widget.js" data-site="${site.id}" async></script>`,
    );
    expect(Date.parse(site.createdAt)).not.toBeNaN();
    const [row] = await server.sql<{ allowed_origins: unknown }>(
      'SELECT allowed_origins FROM sites WHERE id = ?',
      site.id,
    );
    expect(jsonValue(row?.allowed_origins)).toEqual(['https://bakery.example', 'http://localhost:8080']);
  });

  it('creates a site with its widget settings, and the widget reads them on the site’s pages', async () => {
    const site = await createSite({
      name: 'Café',
      allowedOrigins: ['https://cafe.example'],
      widget: { color: '#0F766E', position: 'left', title: 'Ask us', greeting: 'Bonjour !', locale: 'fr' },
    });
    expect(site.widget).toEqual({
      color: '#0f766e',
      position: 'left',
      title: 'Ask us',
      greeting: 'Bonjour !',
      locale: 'fr',
      prechat: { name: 'off', email: 'off' },
    });
    const read = await call<WidgetConfig>('GET', `/api/sites/${site.id}/widget`, { origin: 'https://cafe.example' });
    expect(read.status).toBe(200);
    expect(read.headers.get('access-control-allow-origin')).toBe('https://cafe.example');
    expect(read.headers.get('vary')).toMatch(/origin/i);
    expect(read.body).toEqual({ siteName: 'Café', widget: site.widget, attachments: site.attachments });
  });

  it('lists every site by name, archived ones last', async () => {
    const zoo = await createSite({ name: 'Zoo', allowedOrigins: [] });
    const attic = await createSite({ name: 'attic', allowedOrigins: [] });
    expect((await asAdmin('PATCH', `/api/admin/sites/${attic.id}`, { archived: true })).status).toBe(200);
    const listed = await asAdmin<SiteList>('GET', '/api/admin/sites');
    expect(listed.status).toBe(200);
    expect(listed.body.sites.map((site) => [site.name, site.archived])).toEqual([
      ['Shop', false],
      ['Zoo', false],
      ['attic', true],
    ]);
    expect(listed.body.sites[1]?.snippet).toContain(`data-site="${zoo.id}"`);
    expect(listed.body.sites[0]?.allowedOrigins).toEqual([SITE_ORIGIN]);
  });

  it('changes only what a PATCH names, the widget field by field, and null brings a default back', async () => {
    const site = await createSite({
      name: 'Bakery',
      allowedOrigins: ['https://bakery.example'],
      widget: { color: '#abc', title: 'Hello' },
    });
    const renamed = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${site.id}`, { name: 'Bakery & Co' });
    expect(renamed.body.site).toMatchObject({
      name: 'Bakery & Co',
      allowedOrigins: ['https://bakery.example'],
      widget: { color: '#abc', title: 'Hello', position: 'right' },
    });
    const restyled = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${site.id}`, {
      widget: { color: null, position: 'left', title: '  ' },
      allowedOrigins: ['https://bakery.example', 'https://www.bakery.example/'],
    });
    expect(restyled.status).toBe(200);
    expect(restyled.body.site).toMatchObject({
      name: 'Bakery & Co',
      allowedOrigins: ['https://bakery.example', 'https://www.bakery.example'],
      widget: { color: null, position: 'left', title: null, greeting: null, locale: null },
    });
    // Archiving and bringing back keeps everything else.
    const archived = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${site.id}`, { archived: true });
    expect(archived.body.site).toMatchObject({ archived: true, name: 'Bakery & Co' });
    const back = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${site.id}`, { archived: false });
    expect(back.body.site).toEqual({ ...restyled.body.site, archived: false });
  });

  it('gets a snippet with the public URL when one is configured', async () => {
    await discard(server);
    server = await startServer({ publicUrl: 'https://chat.example.com' });
    adminCookie = await loginCookie(server, (await createOperator(server, 'Ada', 'admin')).email);
    const site = await createSite({ name: 'Bakery', allowedOrigins: [] });
    expect(site.snippet).toContain(`<script src="https://chat.example.com/widget.js" data-site="${site.id}" async>`);
  });

  it('keeps the identity secret routes on a site made through the API', async () => {
    const site = await createSite({ name: 'Bakery', allowedOrigins: [] });
    const identity = await asAdmin<{ secret: string }>('GET', `/api/operator/sites/${site.id}/identity`);
    expect(identity.status).toBe(200);
    expect(identity.body.secret).toMatch(/^[0-9a-f]{64}$/);
    const rotated = await asAdmin<{ secret: string }>('PUT', `/api/operator/sites/${site.id}/identity`, {
      requireIdentity: true,
      rotateSecret: true,
    });
    expect(rotated.body.secret).not.toBe(identity.body.secret);
    const listed = await asAdmin<SiteList>('GET', '/api/admin/sites');
    expect(listed.body.sites.find((found) => found.id === site.id)?.requireIdentity).toBe(true);
  });
});

describe('only admins', () => {
  it('may list, create or change sites: an operator gets 403, nobody signed in 401, and nothing changes', async () => {
    const bob = await createOperator(server, 'Bob');
    const cookie = await loginCookie(server, bob.email);
    const before = await siteRows();
    for (const [method, path, body] of [
      ['GET', '/api/admin/sites', undefined],
      ['POST', '/api/admin/sites', { name: 'Mine', allowedOrigins: [] }],
      ['PATCH', '/api/admin/sites/shop', { name: 'Mine' }],
    ] as const) {
      const asOperator = await call<ErrorBody>(method, path, { cookie, origin: server.origin, body });
      expect(asOperator.status, `${method} ${path}`).toBe(403);
      expect(asOperator.body.error.code).toBe('forbidden');
      const anonymous = await call<ErrorBody>(method, path, { origin: server.origin, body });
      expect(anonymous.status, `${method} ${path}`).toBe(401);
    }
    expect(await siteRows()).toEqual(before);
  });
});

describe('a refused site change', () => {
  it.each([
    ['a path', 'https://bakery.example/shop', /line 2 \(https:\/\/bakery\.example\/shop\): it has a path/],
    ['a wildcard', 'https://*.bakery.example', /line 2 .*wildcard/],
    ['no scheme', 'bakery.example', /line 2 \(bakery\.example\): it has no scheme/],
    ['a query', 'https://bakery.example?x=1', /line 2 .*query/],
    ['user info', 'https://me@bakery.example', /line 2 .*user info/],
    ['another scheme', 'ftp://bakery.example', /line 2 .*only http and https/],
    ['a bad port', 'https://bakery.example:99999', /line 2 .*port/],
  ])('names the line of an origin with %s, and nothing is stored', async (_what, line, message) => {
    const before = await siteRows();
    const created = await asAdmin<ErrorBody>('POST', '/api/admin/sites', {
      name: 'Bakery',
      allowedOrigins: ['https://ok.example', line],
    });
    expect(created.status).toBe(400);
    expect(created.body.error.code).toBe('bad_origin_format');
    expect(created.body.error.message).toMatch(message);
    const changed = await asAdmin<ErrorBody>('PATCH', '/api/admin/sites/shop', {
      name: 'Renamed',
      allowedOrigins: ['https://ok.example', line],
    });
    expect(changed.status).toBe(400);
    expect(changed.body.error).toMatchObject({ code: 'bad_origin_format', message: expect.stringMatching(message) });
    expect(await siteRows()).toEqual(before);
  });

  it.each([
    ['an empty name', { name: ' ' }, /name/],
    ['a name over 100 characters', { name: 'x'.repeat(101) }, /name/],
    ['a colour that is not #rgb or #rrggbb', { widget: { color: 'teal' } }, /widget\.color/],
    ['a five-digit colour', { widget: { color: '#12345' } }, /widget\.color/],
    ['a position other than left or right', { widget: { position: 'top' } }, /widget\.position/],
    ['a locale not built in', { widget: { locale: 'de' } }, /widget\.locale/],
    ['a title over 80 characters', { widget: { title: 't'.repeat(81) } }, /widget\.title/],
    ['a greeting over 300 characters', { widget: { greeting: 'g'.repeat(301) } }, /widget\.greeting/],
    ['an unknown field', { owner: 'me' }, /owner|unrecognized/i],
    ['origins that are not a list', { allowedOrigins: 'https://a.example' }, /allowedOrigins/],
    ['archived that is not a boolean', { archived: 'yes' }, /archived/],
  ])('with %s is a 400 that says so, and nothing is stored', async (_what, change, message) => {
    const before = await siteRows();
    const changed = await asAdmin<ErrorBody>('PATCH', '/api/admin/sites/shop', change);
    expect(changed.status).toBe(400);
    expect(changed.body.error).toMatchObject({ code: 'bad_request', message: expect.stringMatching(message) });
    const created = await asAdmin<ErrorBody>('POST', '/api/admin/sites', {
      name: 'Bakery',
      allowedOrigins: [],
      ...change,
    });
    expect(created.status).toBe(400);
    expect(await siteRows()).toEqual(before);
  });

  it('of a site that does not exist is a 404', async () => {
    const missing = await asAdmin<ErrorBody>('PATCH', '/api/admin/sites/nosuchsite', { name: 'X' });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const malformed = await asAdmin<ErrorBody>('PATCH', '/api/admin/sites/no%20such', { name: 'X' });
    expect(malformed.body.error.code).toBe('invalid_id');
  });
});

describe('the widget’s settings', () => {
  it('are read cross-origin by an allowed page, and without an Origin by the server’s own pages', async () => {
    const allowed = await call<WidgetConfig>('GET', '/api/sites/shop/widget', { origin: SITE_ORIGIN });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(allowed.body).toEqual({
      siteName: 'Shop',
      widget: {
        color: null,
        position: 'right',
        title: null,
        greeting: null,
        locale: null,
        prechat: { name: 'off', email: 'off' },
      },
      attachments: { maxBytes: 10 * 1024 * 1024, kinds: ['image', 'pdf', 'text', 'office'] },
    });
    const sameOrigin = await call<WidgetConfig>('GET', '/api/sites/shop/widget');
    expect(sameOrigin.status).toBe(200);
    expect(sameOrigin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('are refused to a page elsewhere, and to an unknown site, with a reason the page can read', async () => {
    const elsewhere = await call<ErrorBody>('GET', '/api/sites/shop/widget', { origin: 'https://evil.example' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.headers.get('access-control-allow-origin')).toBe('https://evil.example');
    expect(elsewhere.headers.get('vary')).toMatch(/origin/i);
    expect(elsewhere.body.error.code).toBe('bad_origin');
    const unknown = await call<ErrorBody>('GET', '/api/sites/nosuch/widget', { origin: SITE_ORIGIN });
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(unknown.body.error.code).toBe('not_found');
  });
});

describe('an archived site', () => {
  it('is no site for the widget: every visitor route and the socket say 404; its conversations stay', async () => {
    const visitor = await newVisitor(server);
    const socket = await visitor.connect();
    await say(socket, 'Is my order on its way?');
    await socket.close();

    expect((await asAdmin('PATCH', '/api/admin/sites/shop', { archived: true })).status).toBe(200);

    const bearer = { authorization: `Bearer ${visitor.token}`, origin: SITE_ORIGIN };
    const requests: Array<[string, string, Record<string, string>, string | undefined]> = [
      ['POST', 'visitors', { origin: SITE_ORIGIN }, undefined],
      ['GET', 'widget', { origin: SITE_ORIGIN }, undefined],
      ['GET', 'conversation', bearer, undefined],
      ['POST', 'page-views', { ...bearer, 'content-type': 'application/json' }, '{"url":"http://shop.test/"}'],
      ['POST', 'identify', { ...bearer, 'content-type': 'application/json' }, '{"name":"Zoe"}'],
      ['POST', 'attributes', { ...bearer, 'content-type': 'application/json' }, '{"attributes":{"plan":"pro"}}'],
      ['POST', 'logout', bearer, undefined],
    ];
    for (const [method, path, headers, body] of requests) {
      const response = await fetch(`${server.url}/api/sites/shop/${path}`, { method, headers, body });
      expect(response.status, path).toBe(404);
      expect(response.headers.get('access-control-allow-origin'), path).toBe(SITE_ORIGIN);
      expect(((await response.json()) as ErrorBody).error.code, path).toBe('not_found');
    }
    await expect(Client.connect(visitorUrl(server, visitor.token), { origin: SITE_ORIGIN })).rejects.toThrow(
      'upgrade refused: 404',
    );
    // The token was not revoked by the refused logout, and the data is all there for operators.
    expect(await countRows(server, 'visitor_tokens')).toBe(1);
    const conversations = await asAdmin<{ conversations: Array<{ id: string }> }>('GET', '/api/operator/conversations');
    expect(conversations.body.conversations).toHaveLength(1);
    const conversationId = conversations.body.conversations[0]?.id ?? '';
    const messages = await asAdmin<{ messages: Array<{ body: string }> }>(
      'GET',
      `/api/operator/conversations/${conversationId}/messages`,
    );
    expect(messages.body.messages.map((message) => message.body)).toEqual(['Is my order on its way?']);

    // Brought back, the same visitor carries on.
    await asAdmin('PATCH', '/api/admin/sites/shop', { archived: false });
    const again = await visitor.connect();
    await again.close();
  });
});

describe('a site edited while visitors chat', () => {
  it('closes the sockets of pages it no longer allows, within a second, and keeps the others', async () => {
    await asAdmin('PATCH', '/api/admin/sites/shop', { allowedOrigins: [SITE_ORIGIN, 'https://other.test'] });
    const kept = await newVisitor(server);
    const keptSocket = await kept.connect();
    const droppedSocket = await (await newVisitor(server, 'https://other.test')).connect();

    const closing = closedWithin(droppedSocket, 1000);
    expect((await asAdmin('PATCH', '/api/admin/sites/shop', { allowedOrigins: [SITE_ORIGIN] })).status).toBe(200);
    expect(await closing).toBe(CLOSE_NOT_AVAILABLE);
    await say(keptSocket, 'Still here?');

    const archived = closedWithin(keptSocket, 1000);
    expect((await asAdmin('PATCH', '/api/admin/sites/shop', { archived: true })).status).toBe(200);
    expect(await archived).toBe(CLOSE_NOT_AVAILABLE);
  });
});

describe('a page whose origin is not allowed', () => {
  const EVIL = 'https://evil.example';

  it('gets its preflight through, then a refusal to mint a token that it can read', async () => {
    // What a browser does before a POST with a JSON body: ask first, then send only if allowed.
    const preflight = await fetch(`${server.url}/api/sites/shop/visitors`, {
      method: 'OPTIONS',
      headers: {
        origin: EVIL,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(EVIL);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('content-type');
    expect(preflight.headers.get('access-control-allow-credentials')).toBeNull();

    const minted = await fetch(`${server.url}/api/sites/shop/visitors`, {
      method: 'POST',
      headers: { origin: EVIL, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(minted.status).toBe(403);
    expect(minted.headers.get('access-control-allow-origin')).toBe(EVIL);
    expect(minted.headers.get('vary')).toMatch(/origin/i);
    expect(await minted.json()).toEqual({ error: { code: 'bad_origin', message: 'this origin may not use the site' } });
    expect(await countRows(server, 'visitors')).toBe(0);
  });

  it('is refused at the socket upgrade with an HTTP 403', async () => {
    const visitor = await newVisitor(server);
    await expect(Client.connect(visitorUrl(server, visitor.token), { origin: EVIL })).rejects.toThrow(
      'upgrade refused: 403',
    );
  });

  it('gets a readable refusal from every visitor route, never the data', async () => {
    const visitor = await newVisitor(server);
    const conversation = await fetch(`${server.url}/api/sites/shop/conversation`, {
      headers: { origin: EVIL, authorization: 'Bearer not-a-token-of-anyone' },
    });
    expect(conversation.status).toBe(401);
    expect(conversation.headers.get('access-control-allow-origin')).toBe(EVIL);
    // With a real token the transcript is served, but not to another origin's page.
    const stolen = await fetch(`${server.url}/api/sites/shop/conversation`, {
      headers: { origin: EVIL, authorization: `Bearer ${visitor.token}` },
    });
    expect(stolen.status).toBe(200);
    expect(stolen.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('the demo seed', () => {
  it('keeps an admin’s edits of the demo site over a restart, adding only the origins it lacks', async () => {
    const origins = demoOrigins(server.app.config, 3000);
    await seedDemo(server.app.store, origins);
    expect((await server.app.store.sites.get(DEMO_SITE_ID))?.allowedOrigins).toEqual(origins);
    const edited = await asAdmin<SiteBody>('PATCH', `/api/admin/sites/${DEMO_SITE_ID}`, {
      name: 'My shop',
      allowedOrigins: ['https://mine.example', origins[0]],
      widget: { color: '#123456' },
    });
    expect(edited.status).toBe(200);

    await server.stop();
    server = await server.restart();
    await seedDemo(server.app.store, origins);
    const site = await server.app.store.sites.get(DEMO_SITE_ID);
    expect(site).toMatchObject({
      name: 'My shop',
      allowedOrigins: ['https://mine.example', ...origins],
      widget: { color: '#123456' },
    });
    // Once nothing is missing, a start changes nothing.
    await seedDemo(server.app.store, origins);
    expect((await server.app.store.sites.get(DEMO_SITE_ID))?.allowedOrigins).toEqual(site?.allowedOrigins);
  });
});

/** The server as it is run for real, in its own process, with its log read line by line. */
class ServerProcess {
  readonly log: string[] = [];
  url = '';
  private readonly child: ChildProcess;
  private readonly dataDir = mkdtempSync(join(tmpdir(), 'livechat-log-'));

  constructor(env: Record<string, string>) {
    const cwd = new URL('..', import.meta.url).pathname;
    this.child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd,
      env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', DATA_DIR: this.dataDir, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (!this.child.stdout) throw new Error('no stdout');
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.log.push(JSON.parse(line).msg as string);
    });
  }

  async started(): Promise<void> {
    const line = await this.logged((msg) => msg.startsWith('Server listening at '));
    this.url = line.replace('Server listening at ', '');
  }

  /** Resolves with the first line of the log that passes the test, now or within 10 s. */
  async logged(test: (msg: string) => boolean): Promise<string> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.log.find(test);
      if (found) return found;
      if (Date.now() > deadline || this.child.exitCode !== null)
        throw new Error(`not logged; log: ${this.log.join('\n')}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

describe('the owner of a wrongly embedded site', () => {
  it('reads in the server log which origin to add, once per hour per site and origin', async () => {
    const running = new ServerProcess({ DEMO: '1', LOG_LEVEL: 'info' });
    try {
      await running.started();
      const ask = (site: string, origin: string) =>
        fetch(`${running.url}/api/sites/${site}/visitors`, { method: 'POST', headers: { origin } });
      for (let i = 0; i < 3; i += 1) expect((await ask('demo', 'https://evil.example')).status).toBe(403);
      const config = await fetch(`${running.url}/api/sites/demo/widget`, {
        headers: { origin: 'https://evil.example' },
      });
      expect(config.status).toBe(403);
      const upgrade = await new Promise<number>((resolve, reject) => {
        const socket = new WebSocket(`${running.url.replace('http', 'ws')}/ws/visitor?site=demo&token=x`, {
          headers: { origin: 'https://evil.example' },
        });
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.once('open', () => reject(new Error('upgraded')));
      });
      expect(upgrade).toBe(403);
      expect((await ask('demo', 'https://other.example')).status).toBe(403);
      for (let i = 0; i < 2; i += 1) expect((await ask('nosuch', 'https://evil.example')).status).toBe(404);
      // The log is written in order: once this last one is there, the ones before it are too.
      await ask('demo', 'https://last.example');
      await running.logged((msg) => msg.includes('https://last.example'));

      const warnings = running.log.filter((msg) => msg.includes('asked from') || msg.includes('not allowed'));
      expect(warnings).toEqual([
        'origin https://evil.example is not allowed for site demo (Demo shop): add it in Settings → Sites',
        'origin https://other.example is not allowed for site demo (Demo shop): add it in Settings → Sites',
        'unknown site nosuch asked from origin https://evil.example',
        'origin https://last.example is not allowed for site demo (Demo shop): add it in Settings → Sites',
      ]);
    } finally {
      await running.stop();
    }
  });
});
