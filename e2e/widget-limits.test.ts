// The widget in Chromium against the real chat server with one limit set low per test: a message refused with
// rate_limited waits and goes again, and reaches the operator once; a token answered 429 is asked once more
// after Retry-After; a socket closed 4029 (too many tabs) says so and does not come straight back.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { parseRate } from '../packages/server/src/limits/rates.ts';
import { type LimitsConfig, roomyLimits } from '../packages/server/src/config.ts';
import { allowOrigin } from './examples-support.ts';
import { type Demo, launchBrowser, Pages, SCREENSHOTS, signIn, startDemo } from './harness.ts';

let browser: Browser;
let tabs: Pages;
let demo: Demo | undefined;
let shop: Server | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
  tabs = new Pages(browser);
});

afterEach(async () => {
  await tabs.closeAll();
  await new Promise<void>((resolve) => (shop ? shop.close(() => resolve()) : resolve()));
  await demo?.stop();
  shop = demo = undefined;
});

afterAll(async () => {
  await browser?.close();
});

/**
 * The chat server with `limits` over the roomy ones, and the shop's page on an origin of its own (another
 * port of loopback), so that every answer the widget reads crosses origins as on a customer's site.
 */
async function serve(limits: Partial<LimitsConfig>): Promise<{ chat: Demo; shopUrl: string }> {
  const chat = await startDemo({ limits: { ...roomyLimits(), ...limits } });
  demo = chat;
  const page = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html lang="en"><head><title>Shop</title><script src="${chat.url}/widget.js" data-site="demo" async>` +
        '</script></head><body><h1>Shop</h1></body></html>',
    );
  });
  shop = page;
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const shopUrl = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  await allowOrigin(chat, shopUrl);
  return { chat, shopUrl };
}

interface Frame {
  direction: 'sent' | 'received';
  at: number;
  frame: { type?: string; id?: string; code?: string; frameId?: string; retryAfterMs?: number; clientId?: string };
}

/** Every frame of the page's chat sockets, in order, with when it passed. */
function socketFrames(tab: Page): Frame[] {
  const frames: Frame[] = [];
  tab.on('websocket', (socket) => {
    const record = (direction: Frame['direction']) => (data: { payload: string | Buffer }) =>
      frames.push({ direction, at: Date.now(), frame: JSON.parse(String(data.payload)) });
    socket.on('framesent', record('sent'));
    socket.on('framereceived', record('received'));
  });
  return frames;
}

async function send(tab: Page, text: string): Promise<void> {
  await tab.getByTestId('lc-input').fill(text);
  await tab.getByTestId('lc-input').press('Enter');
}

const delivered = (tab: Page, text: string) =>
  tab.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', { hasText: text });

it('keeps a rate-limited message, says when it goes again, sends it after the wait, and the operator gets it once', async () => {
  const { chat, shopUrl } = await serve({ messagesPerToken: parseRate('1/3s') });
  const operator = await tabs.open();
  await signIn(operator, chat.url, 'alice@example.com', 'demo-password-alice');

  const tab = await tabs.open();
  const frames = socketFrames(tab);
  await tab.goto(shopUrl);
  await tab.getByTestId('lc-launcher').click();
  await send(tab, 'Hello there');
  await delivered(tab, 'Hello there').waitFor();
  await send(tab, 'Is this in stock?');

  const notice = tab.getByTestId('lc-rate-limited');
  await notice.waitFor();
  expect(await notice.textContent()).toMatch(/^You are sending messages too fast; sending again in [1-3] s$/);
  await tab.screenshot({ path: join(SCREENSHOTS, 'widget-rate-limited.png') });
  // Waiting, not failed: no retry offered, the message still on screen.
  expect(await tab.getByTestId('lc-message').filter({ hasText: 'Is this in stock?' }).count()).toBe(1);
  expect(await tab.getByRole('button', { name: 'Retry' }).count()).toBe(0);

  await delivered(tab, 'Is this in stock?').waitFor();
  await notice.waitFor({ state: 'detached' });
  const sends = frames.filter(({ direction, frame }) => direction === 'sent' && frame.type === 'message.send');
  const [, refused, again] = sends;
  expect(sends).toHaveLength(3);
  expect(again?.frame.clientId).toBe(refused?.frame.clientId);
  // The server names the refused frame and the wait, and the widget waited that long before sending again.
  const limited = frames.find(({ frame }) => frame.type === 'error' && frame.code === 'rate_limited');
  expect(limited?.frame.frameId).toBe(refused?.frame.id);
  expect(limited?.frame.retryAfterMs).toBeGreaterThan(0);
  expect((again?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual((limited?.frame.retryAfterMs ?? 0) - 50);

  await operator.getByTestId('op-conversation').first().click();
  await operator.locator('[data-testid="op-message"]', { hasText: 'Is this in stock?' }).waitFor();
  expect(await operator.locator('[data-testid="op-message"]', { hasText: 'Is this in stock?' }).count()).toBe(1);
  expect(await operator.locator('[data-testid="op-message"]', { hasText: 'Hello there' }).count()).toBe(1);
});

it('asks for a token once more after Retry-After when the server answers 429, and not in a loop', async () => {
  const { chat, shopUrl } = await serve({ visitorsPerIp: parseRate('1/3s') });
  const mintUrl = `${chat.url}/api/sites/demo/visitors`;
  // Another visitor on the same address took the only token of this window.
  const other = await fetch(mintUrl, { method: 'POST', headers: { origin: shopUrl } });
  expect(other.status).toBe(201);

  const tab = await tabs.open();
  const mints: { status: number; retryAfter: string | null; at: number }[] = [];
  tab.on('response', (response) => {
    if (response.url() === mintUrl && response.request().method() === 'POST') {
      mints.push({ status: response.status(), retryAfter: response.headers()['retry-after'] ?? null, at: Date.now() });
    }
  });
  await tab.goto(shopUrl);
  await tab.getByTestId('lc-launcher').click();
  await send(tab, 'Hello');
  await delivered(tab, 'Hello').waitFor();

  expect(mints.map((mint) => mint.status)).toEqual([429, 201]);
  const [refused, minted] = mints;
  expect(refused?.retryAfter).toMatch(/^[1-3]$/);
  expect((minted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(Number(refused?.retryAfter) * 1000 - 100);

  // The page itself may read the refusal and how long to wait, across origins.
  const answer = await tab.evaluate(async (url) => {
    const response = await fetch(url, { method: 'POST' });
    return { status: response.status, retryAfter: response.headers.get('retry-after') };
  }, mintUrl);
  expect(answer.status).toBe(429);
  expect(answer.retryAfter).toMatch(/^[1-3]$/);
});

it('says too many chat tabs are open after close 4029, and does not reconnect at once', async () => {
  const { shopUrl } = await serve({ socketsPerToken: 1 });
  const first = await tabs.open();
  await first.goto(shopUrl);
  await first.getByTestId('lc-launcher').click();
  await send(first, 'From the first tab');
  await delivered(first, 'From the first tab').waitFor();

  // A second tab of the same browser holds the same token: its socket is one too many.
  const second = await first.context().newPage();
  const sockets: string[] = [];
  second.on('websocket', (socket) => sockets.push(socket.url()));
  await second.goto(shopUrl);
  await second.getByTestId('lc-launcher').click();
  await expect.poll(() => second.getByTestId('lc-status').textContent()).toMatch(/^Too many chat tabs are open/);
  const attempts = sockets.length;
  expect(attempts).toBeGreaterThanOrEqual(1);
  // A lost connection would have been retried within a second or two by now.
  await second.waitForTimeout(3000);
  expect(sockets).toHaveLength(attempts);
  await second.screenshot({ path: join(SCREENSHOTS, 'widget-too-many-tabs.png') });

  // The first tab's socket survives and keeps chatting.
  await send(first, 'Still here');
  await delivered(first, 'Still here').waitFor();
});
