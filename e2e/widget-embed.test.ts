// The script tag in Chromium: a page view fetches only the loader (and its API calls) until the visitor or the
// page wants the chat, or the page has loaded and is idle; and the widget follows the server's answer about
// the site: its colours and words, or a refusal of this embed (unknown site, origin not allowed).

import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allowOrigin, ROOT } from './examples-support.ts';
import { type Demo, launchBrowser, Pages, startDemo } from './harness.ts';

const WIDGET_DIST = join(ROOT, 'packages', 'widget', 'dist');

interface Served {
  url: string;
  close(): Promise<void>;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const close = (server: Server) => () =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

/** The two lines a site owner pastes, with the page's own settings on the tag and calls in the queue. */
function snippet(chatServer: string, site: string, attributes = '', queued = ''): string {
  return (
    '<script>window.LiveChat=window.LiveChat||function(){(LiveChat.q=LiveChat.q||[]).push(arguments)};' +
    'window.chatErrors=[];LiveChat("on","error",function(e){chatErrors.push(e.code)});' +
    `${queued}</script>` +
    `<script src="${chatServer}/widget.js" data-site="${site}" ${attributes} async></script>`
  );
}

/**
 * The website's pages, on an origin of their own. `/held.png` is answered only on release(), so a page
 * showing it has not fired its load event until then.
 */
async function hostPages(pages: Record<string, string>): Promise<Served & { release(): void }> {
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    if (path === '/held.png') {
      await held;
      return response.writeHead(404).end();
    }
    const body = pages[path];
    if (body === undefined) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><title>Page ${path}</title>${body}</head><body><h1>Shop</h1></body></html>`,
    );
  });
  const url = await listen(server);
  return { url, close: close(server), release: () => release() };
}

const page = (head: string, heldImage = false) => `${head}${heldImage ? '<img src="/held.png" alt="">' : ''}`;

/** Paths the page asked of the chat server, in order. */
function chatRequests(tab: Page, chatServer: string): string[] {
  const paths: string[] = [];
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(chatServer).origin) paths.push(url.pathname);
  });
  return paths;
}

const isCore = (path: string) => /^\/widget\/core-[\w-]+\.js$/.test(path);
const launcher = (tab: Page) => tab.getByTestId('lc-launcher');

let browser: Browser;
let tabs: Pages;

beforeAll(async () => {
  browser = await launchBrowser();
  tabs = new Pages(browser);
});

afterAll(async () => {
  await tabs?.closeAll();
  await browser?.close();
});

describe('what a page view downloads', () => {
  let demo: Demo;
  let site: Awaited<ReturnType<typeof hostPages>>;

  beforeAll(async () => {
    demo = await startDemo();
    site = await hostPages({
      '/held': page(snippet(demo.url, 'demo'), true),
      '/quiet': page(snippet(demo.url, 'demo')),
      '/listens': page(snippet(demo.url, 'demo', '', 'LiveChat("on","open",function(){});'), true),
      '/opens': page(snippet(demo.url, 'demo', 'data-open'), true),
    });
    await allowOrigin(demo, site.url);
  });

  afterAll(async () => {
    site?.release();
    await tabs?.closeAll();
    await site?.close();
    await demo?.stop();
  });

  /** The page views the server stored for the visitor of this tab. */
  const recordedTitles = async (tab: Page): Promise<string[]> => {
    const visitorId = await tab.evaluate(() => localStorage.getItem('livechat:demo:visitor'));
    if (!visitorId) return [];
    return (await demo.app.store.visitors.recentPageViews(visitorId, 10)).map((view) => view.title);
  };

  it('fetches only the loader and its API calls until the visitor reaches for the launcher', async () => {
    const tab = await tabs.open();
    const requests = chatRequests(tab, demo.url);
    await tab.goto(`${site.url}/held`, { waitUntil: 'domcontentloaded' });
    await launcher(tab).waitFor();
    // What an eager loader would have asked for by now, it would have asked for while drawing the launcher.
    await tab.waitForTimeout(500);
    expect(await tab.evaluate(() => document.readyState)).not.toBe('complete');
    expect(requests[0]).toBe('/widget.js');
    expect(requests.filter((path) => path !== '/widget.js' && !path.startsWith('/api/'))).toEqual([]);

    await launcher(tab).hover();
    await expect.poll(() => requests.some(isCore)).toBe(true);
    // The core records the page view, although the page has still not finished loading.
    await expect.poll(() => recordedTitles(tab)).toEqual(['Page /held']);
    expect(await tab.evaluate(() => document.readyState)).not.toBe('complete');
  });

  it('fetches the rest once the page has loaded and the browser is idle, and records the page view', async () => {
    const tab = await tabs.open();
    const requests = chatRequests(tab, demo.url);
    await tab.goto(`${site.url}/quiet`, { waitUntil: 'load' });
    await expect.poll(() => requests.some(isCore)).toBe(true);
    const timing = () =>
      tab.evaluate(() => {
        const core = performance.getEntriesByType('resource').find((entry) => /\/widget\/core-/.test(entry.name));
        const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        return core ? { coreStart: core.startTime, loadEnd: navigation.loadEventEnd } : null;
      });
    await expect.poll(timing).not.toBeNull();
    const { coreStart, loadEnd } = (await timing()) ?? { coreStart: -1, loadEnd: 0 };
    expect(coreStart).toBeGreaterThanOrEqual(loadEnd);
    await expect.poll(() => recordedTitles(tab)).toEqual(['Page /quiet']);
  });

  it('fetches the core when the page calls the API, but not for a listener', async () => {
    const tab = await tabs.open();
    const requests = chatRequests(tab, demo.url);
    await tab.goto(`${site.url}/listens`, { waitUntil: 'domcontentloaded' });
    await launcher(tab).waitFor();
    await tab.waitForTimeout(500);
    expect(requests.some(isCore)).toBe(false);

    await tab.evaluate(() => (window as unknown as { LiveChat(name: string): void }).LiveChat('open'));
    await expect.poll(() => tab.getByTestId('lc-panel').isVisible()).toBe(true);
    expect(requests.some(isCore)).toBe(true);
    expect(await tab.evaluate(() => document.readyState)).not.toBe('complete');
  });

  it('fetches the core at once for a page that opens the chat (data-open)', async () => {
    const tab = await tabs.open();
    await tab.goto(`${site.url}/opens`, { waitUntil: 'domcontentloaded' });
    await expect.poll(() => tab.getByTestId('lc-panel').isVisible()).toBe(true);
    expect(await tab.evaluate(() => document.readyState)).not.toBe('complete');
  });
});

// ---- the server's answer about the site ---------------------------------------------------------------

interface Reply {
  status: number;
  body?: unknown;
  /** Whether the answer carries `access-control-allow-origin` (today's server leaves it off its refusals). */
  cors?: boolean;
}

/**
 * A chat server on loopback that serves the built widget and answers the site routes as the HTTP contract
 * (packages/protocol/src/admin.ts) says the real one does, so that each answer can be set.
 */
async function chatServer(routes: Record<string, Reply>): Promise<Served & { requests: string[] }> {
  const requests: string[] = [];
  const allow = (request: IncomingMessage) => ({ 'access-control-allow-origin': request.headers.origin ?? '*' });
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(`${request.method} ${path}`);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...allow(request),
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
      });
      return response.end();
    }
    if (path === '/widget.js' || path.startsWith('/widget/')) {
      const file = normalize(join(WIDGET_DIST, path));
      if (!file.startsWith(WIDGET_DIST)) return response.writeHead(404).end();
      const body = await readFile(file).catch(() => null);
      if (!body) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
      return response.end(body);
    }
    const reply = routes[`${request.method} ${path}`] ?? {
      status: 404,
      body: { error: { code: 'not_found', message: `no route ${path}` } },
      cors: false,
    };
    response.writeHead(reply.status, {
      'content-type': 'application/json',
      ...(reply.cors === false ? {} : allow(request)),
    });
    response.end(reply.body === undefined ? '' : JSON.stringify(reply.body));
  });
  const url = await listen(server);
  return { url, requests, close: close(server) };
}

const minted = { status: 201, body: { visitorId: 'visitor-1', token: 'token-1' } };
const refusal = (code: string, message: string) => ({ error: { code, message } });

describe('the server’s answer about the site', () => {
  const servers: Served[] = [];
  afterAll(async () => {
    await tabs?.closeAll();
    for (const server of servers) await server.close();
  });

  async function embed(routes: Record<string, Reply>, attributes = '') {
    const chat = await chatServer(routes);
    const site = await hostPages({ '/': snippet(chat.url, 'shop', attributes) });
    servers.push(chat, site);
    const tab = await tabs.open();
    const warnings: string[] = [];
    tab.on('console', (message) => message.type() === 'warning' && warnings.push(message.text()));
    await tab.goto(`${site.url}/`);
    return { chat, site, tab, warnings };
  }

  it('draws the launcher in the colour and on the side set on the server, with its words, under the page’s own', async () => {
    const { tab } = await embed(
      {
        'GET /api/sites/shop/widget': {
          status: 200,
          body: {
            siteName: 'Shop',
            widget: {
              color: '#7c3aed',
              position: 'left',
              title: 'Server title',
              greeting: 'Bonjour du serveur',
              locale: 'fr',
            },
          },
        },
        'POST /api/sites/shop/visitors': minted,
        'POST /api/sites/shop/page-views': { status: 204 },
      },
      'data-title="Page title"',
    );
    await launcher(tab).waitFor();
    // Drawn by the loader, before the core: already in the server's colour and on its side.
    expect(await launcher(tab).evaluate((button) => getComputedStyle(button).backgroundColor)).toBe(
      'rgb(124, 58, 237)',
    );
    expect((await launcher(tab).boundingBox())?.x).toBeLessThan(100);

    await launcher(tab).click();
    await expect.poll(() => tab.getByTestId('lc-panel').isVisible()).toBe(true);
    // The page's data-title wins; the greeting and the language come from the server.
    expect(await tab.getByTestId('lc-panel').getByRole('heading').textContent()).toBe('Page title');
    expect(await tab.getByTestId('lc-panel').textContent()).toContain('Bonjour du serveur');
    expect(await launcher(tab).getAttribute('aria-label')).toBe('Masquer le chat');
  });

  for (const [code, status, message] of [
    ['bad_origin', 403, 'this origin may not use the site'],
    ['not_found', 404, 'no such site'],
  ] as const) {
    it(`on ${status} ${code}, says chat is not available, warns the owner once and never asks for a token`, async () => {
      const { chat, site, tab, warnings } = await embed({
        'GET /api/sites/shop/widget': { status, body: refusal(code, message) },
        'POST /api/sites/shop/visitors': minted,
      });
      await launcher(tab).click();
      const panel = tab.getByTestId('lc-panel');
      await expect.poll(() => panel.isVisible()).toBe(true);
      expect(await tab.getByTestId('lc-status').textContent()).toBe('Chat is not available on this website.');
      await tab.getByTestId('lc-input').fill('Hello?');
      expect(await tab.getByTestId('lc-send').isDisabled()).toBe(true);
      // Nothing is retried: a second later there is still no token, no socket, no second warning.
      await tab.waitForTimeout(1000);
      expect(chat.requests.filter((request) => !request.startsWith('GET /widget'))).toEqual([
        'GET /api/sites/shop/widget',
      ]);
      expect(await tab.evaluate(() => (window as unknown as { chatErrors: string[] }).chatErrors)).toEqual([code]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toContain(site.url);
      expect(warnings[0]).toContain('shop');
      if (code === 'bad_origin') expect(warnings[0]).toContain(`Add ${site.url} to the allowed origins of site shop`);
    });
  }

  it('stops at the first refused token when the settings could not be read (a server without the route)', async () => {
    const { chat, tab, warnings } = await embed({
      'POST /api/sites/shop/visitors': { status: 403, body: refusal('bad_origin', 'this origin may not use the site') },
    });
    await expect.poll(() => warnings.length).toBe(1);
    await launcher(tab).click();
    await expect.poll(() => tab.getByTestId('lc-status').textContent()).toBe('Chat is not available on this website.');
    await tab.waitForTimeout(1000);
    expect(chat.requests.filter((request) => request === 'POST /api/sites/shop/visitors')).toHaveLength(1);
    expect(chat.requests.filter((request) => request.includes('/ws/'))).toEqual([]);
    expect(await tab.evaluate(() => (window as unknown as { chatErrors: string[] }).chatErrors)).toEqual([
      'bad_origin',
    ]);
    expect(warnings).toHaveLength(1);
  });
});
