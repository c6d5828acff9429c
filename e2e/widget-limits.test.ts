// The widget in Chromium when the chat server says it is asked too much: a message refused with
// rate_limited waits and goes again, a token answered 429 is asked once more after Retry-After, and a socket
// closed 4029 (too many tabs) says so and does not come straight back. The server here is a stand-in that
// answers the routes and frames as packages/protocol says the real one does, so each limit can be set.

import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize } from 'node:path';
import type { Message, ServerToVisitor, VisitorToServer } from '../packages/protocol/src/index.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebSocketServer } from 'ws';
import { ROOT } from './examples-support.ts';
import { launchBrowser, Pages, SCREENSHOTS } from './harness.ts';

const WIDGET_DIST = join(ROOT, 'packages', 'widget', 'dist');

interface StandIn {
  url: string;
  /** `METHOD /path` of every HTTP request, with the time it came. */
  requests: { line: string; at: number }[];
  /** Every message.send frame, with the time it came. */
  sends: { clientId: string; body: string; at: number }[];
  sockets: number;
  close(): Promise<void>;
}

interface Behaviour {
  /** How many POST /visitors are answered 429 (Retry-After: 1) before one is answered. */
  limitedMints?: number;
  /** How many message.send frames are refused with rate_limited (retryAfterMs 2000) before one is stored. */
  limitedSends?: number;
  /** Every socket is closed with 4029 once open. */
  tooManySockets?: boolean;
}

async function standIn(behaviour: Behaviour): Promise<StandIn> {
  let limitedMints = behaviour.limitedMints ?? 0;
  let limitedSends = behaviour.limitedSends ?? 0;
  const served: StandIn = { url: '', requests: [], sends: [], sockets: 0, close: async () => undefined };
  const cors = (origin: string | undefined) => ({
    'access-control-allow-origin': origin ?? '*',
    'access-control-expose-headers': 'Retry-After',
  });
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    served.requests.push({ line: `${request.method} ${path}`, at: Date.now() });
    const allow = cors(request.headers.origin);
    if (request.method === 'OPTIONS') {
      response.writeHead(204, {
        ...allow,
        'access-control-allow-methods': 'GET, POST',
        'access-control-allow-headers': 'authorization, content-type',
      });
      return response.end();
    }
    if (path === '/widget.js' || path.startsWith('/widget/')) {
      const file = normalize(join(WIDGET_DIST, path));
      const body = file.startsWith(WIDGET_DIST) ? await readFile(file).catch(() => null) : null;
      if (!body) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/javascript', 'access-control-allow-origin': '*' });
      return response.end(body);
    }
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...allow, ...headers });
      response.end(JSON.stringify(body));
    };
    if (path === '/api/sites/shop/widget') return json(200, { siteName: 'Shop', widget: {} });
    if (path === '/api/sites/shop/visitors') {
      if (limitedMints-- > 0) {
        return json(429, { error: { code: 'rate_limited', message: 'too many visitors' } }, { 'retry-after': '1' });
      }
      return json(201, { visitorId: 'visitor-1', token: 'token-1' });
    }
    if (path === '/api/sites/shop/page-views') return json(201, {});
    return json(404, { error: { code: 'not_found', message: path } });
  });
  const sockets = new WebSocketServer({ server, path: '/ws/visitor' });
  let seq = 0;
  sockets.on('connection', (socket) => {
    served.sockets++;
    const send = (frame: ServerToVisitor) => socket.send(JSON.stringify(frame));
    if (behaviour.tooManySockets) return socket.close(4029, 'too many sockets for this visitor');
    send({
      type: 'welcome',
      role: 'visitor',
      visitor: { id: 'visitor-1', name: null, email: null },
      conversation: null,
    });
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as VisitorToServer;
      if (frame.type === 'sync') {
        send({ type: 'sync.result', id: frame.id, conversationId: seq ? 'conv-1' : null, messages: [], lastSeq: seq });
      } else if (frame.type === 'ping') {
        send({ type: 'pong', id: frame.id });
      } else if (frame.type === 'message.send') {
        served.sends.push({ clientId: frame.clientId, body: frame.body, at: Date.now() });
        if (limitedSends-- > 0) {
          send({
            type: 'error',
            code: 'rate_limited',
            message: 'too many messages',
            frameId: frame.id,
            retryAfterMs: 2000,
          });
          return;
        }
        const message: Message = {
          id: `msg-${++seq}`,
          conversationId: 'conv-1',
          seq,
          clientId: frame.clientId,
          author: { kind: 'visitor', id: 'visitor-1', name: 'Visitor' },
          body: frame.body,
          visibility: 'public',
          createdAt: new Date().toISOString(),
        };
        send({ type: 'message.ack', id: frame.id, message });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  served.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  served.close = () =>
    new Promise<void>((resolve) => {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return served;
}

/** The shop's page, on an origin of its own (another port of loopback). */
async function shopPage(chatUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><title>Shop</title><script src="${chatUrl}/widget.js" data-site="shop" async></script>` +
        '</head><body><h1>Shop</h1></body></html>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve));
  return {
    url: `http://localhost:${(server.address() as AddressInfo).port}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let browser: Browser;
let tabs: Pages;
const cleanups: Array<() => Promise<void>> = [];

beforeAll(async () => {
  browser = await launchBrowser();
  tabs = new Pages(browser);
});

afterAll(async () => {
  await tabs?.closeAll();
  await browser?.close();
  for (const cleanup of cleanups) await cleanup();
});

async function visit(behaviour: Behaviour): Promise<{ server: StandIn; tab: Page }> {
  const server = await standIn(behaviour);
  const shop = await shopPage(server.url);
  cleanups.push(server.close, shop.close);
  const tab = await tabs.open();
  await tab.goto(shop.url);
  return { server, tab };
}

it('keeps a rate-limited message, says when it goes again, and sends it after the wait', async () => {
  const { server, tab } = await visit({ limitedSends: 1 });
  await tab.getByTestId('lc-launcher').click();
  await tab.getByTestId('lc-input').fill('Is this in stock?');
  await tab.getByTestId('lc-input').press('Enter');

  const notice = tab.getByTestId('lc-rate-limited');
  await notice.waitFor();
  expect(await notice.textContent()).toMatch(/^You are sending messages too fast; sending again in [12] s$/);
  await tab.screenshot({ path: join(SCREENSHOTS, 'widget-rate-limited.png') });
  // Waiting, not failed: no retry offered, the message still on screen.
  expect(await tab.getByTestId('lc-message').filter({ hasText: 'Is this in stock?' }).count()).toBe(1);
  expect(await tab.getByRole('button', { name: 'Retry' }).count()).toBe(0);

  await tab
    .locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', { hasText: 'Is this in stock?' })
    .waitFor();
  await notice.waitFor({ state: 'detached' });
  expect(server.sends).toHaveLength(2);
  const [first, again] = server.sends;
  expect(again?.clientId).toBe(first?.clientId);
  expect((again?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1900);
});

it('asks for a token once more after Retry-After when the server answers 429, and not in a loop', async () => {
  const { server, tab } = await visit({ limitedMints: 1 });
  await tab.getByTestId('lc-launcher').click();
  await tab.getByTestId('lc-input').fill('Hello');
  await tab.getByTestId('lc-input').press('Enter');
  await tab
    .locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', { hasText: 'Hello' })
    .waitFor();
  const mints = server.requests.filter((request) => request.line === 'POST /api/sites/shop/visitors');
  expect(mints).toHaveLength(2);
  expect((mints[1]?.at ?? 0) - (mints[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
});

it('says too many chat tabs are open after close 4029, and does not reconnect at once', async () => {
  const { server, tab } = await visit({ tooManySockets: true });
  await tab.getByTestId('lc-launcher').click();
  await expect.poll(() => tab.getByTestId('lc-status').textContent()).toMatch(/^Too many chat tabs are open/);
  const sockets = server.sockets;
  // A lost connection would have been retried within a second or two by now.
  await tab.waitForTimeout(3000);
  expect(server.sockets).toBe(sockets);
  await tab.screenshot({ path: join(SCREENSHOTS, 'widget-too-many-tabs.png') });
});
