// Shared by the example browser tests: serving an example, allowing its origin, operator API calls, and page probes (listeners, sockets, axe).

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize } from 'node:path';
import type { Page, WebSocket } from 'playwright-core';
import type { Demo } from './harness.ts';

export const ROOT = join(import.meta.dirname, '..');

/** Serves a folder of static pages on its own origin, pointing their script tags at the test's chat server. */
export async function serveStatic(root: string, chatServer: string): Promise<{ url: string; close(): Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : path));
    try {
      if (!file.startsWith(root)) throw new Error('outside');
      let body: string | Buffer = await readFile(file);
      if (file.endsWith('.html')) body = body.toString('utf8').replaceAll('http://localhost:3000', chatServer);
      const type =
        extname(file) === '.html' ? 'text/html; charset=utf-8' : extname(file) === '.css' ? 'text/css' : 'text/plain';
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Lets pages on `origin` use the demo site, as an admin would in the site settings. */
export async function allowOrigin(demo: Demo, origin: string): Promise<void> {
  const site = await demo.app.store.sites.get('demo');
  if (!site) throw new Error('demo site missing');
  await demo.app.store.sites.save({ ...site, allowedOrigins: [...site.allowedOrigins, origin] });
}

/** Alice's view through the operator HTTP API (what the operator UI and /history read). */
export async function operatorApi(demo: Demo) {
  const login = await fetch(`${demo.url}/api/operator/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'alice@example.com', password: 'demo-password-alice' }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async <T>(path: string): Promise<{ status: number; body: T }> => {
    const response = await fetch(`${demo.url}${path}`, { headers: { cookie } });
    return { status: response.status, body: (await response.json()) as T };
  };
}

/**
 * The event listeners on window and document, by type, as Chromium's DevTools lists them
 * (Playwright adds some of its own for clicks and pointers; compare only what the widget uses).
 */
export async function pageListeners(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  const types: string[] = [];
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId as string });
    types.push(...listeners.map((listener) => `${expression}:${listener.type}`));
  }
  await cdp.detach();
  return types.sort();
}

/** The window and document events the widget listens to (History API navigation, network and tab state). */
export const WIDGET_LISTENERS = [
  'document:visibilitychange',
  'window:hashchange',
  'window:online',
  'window:pagehide',
  'window:popstate',
];

/** Every WebSocket the page opens, to check none is left open. */
export function watchSockets(page: Page): WebSocket[] {
  const sockets: WebSocket[] = [];
  page.on('websocket', (socket) => sockets.push(socket));
  return sockets;
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** axe-core's serious and critical violations on the page (it looks inside open shadow roots). */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated by the browser's tooling, not as an inline <script>: the operator UI's policy forbids those.
  await page.evaluate(await readFile(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
          ): Promise<{ violations: Array<{ id: string; impact: string | null; nodes: Array<{ target: unknown }> }> }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document);
    return violations
      .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
      .map((violation) => `${violation.id}: ${JSON.stringify(violation.nodes.map((node) => node.target))}`);
  });
}

/** What the widget left in the page: elements, globals, History API hooks. */
export async function widgetTraces(page: Page) {
  return page.evaluate(() => ({
    elements: document.querySelectorAll('livechat-widget').length,
    global: 'LiveChat' in window,
    nativeHistory:
      history.pushState.toString().includes('[native code]') &&
      history.replaceState.toString().includes('[native code]'),
  }));
}
