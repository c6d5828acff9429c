// The script tag that waits for consent (data-consent="required"): before the page says yes, nothing is asked
// of the chat server, nothing is stored and no launcher shows; after yes the chat works; a withdrawn consent
// removes what the widget stored.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allowOrigin } from './examples-support.ts';
import { type Demo, launchBrowser, Pages, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let tabs: Pages;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  tabs = new Pages(browser);
  // The shop's page, with its consent banner's two answers as buttons.
  site = createServer((request, response) => {
    // `?known`: the consent manager already has the visitor's yes, and queues it before the script loads.
    const known = request.url?.includes('known') ? 'LiveChat("consent",true);' : '';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      '<!doctype html><html lang="en"><head><title>Shop</title><script>window.LiveChat=window.LiveChat||' +
        `function(){(LiveChat.q=LiveChat.q||[]).push(arguments)};LiveChat("setAttributes",{plan:"pro"});${known}</script>` +
        `<script src="${demo.url}/widget.js" data-site="demo" data-consent="required" async></script></head>` +
        '<body><h1>Shop</h1><button id="yes" onclick="LiveChat(\'consent\', true)">Accept</button>' +
        '<button id="no" onclick="LiveChat(\'consent\', false)">Refuse</button></body></html>',
    );
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteUrl = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  await allowOrigin(demo, siteUrl);
});

afterAll(async () => {
  await tabs?.closeAll();
  await browser?.close();
  await new Promise<void>((resolve) => (site ? site.close(() => resolve()) : resolve()));
  await demo?.stop();
});

/** Every request the page made to the chat server, as `METHOD /path`. */
function chatRequests(tab: Page): string[] {
  const requests: string[] = [];
  tab.on('request', (request) => {
    const url = new URL(request.url());
    if (url.origin === new URL(demo.url).origin) requests.push(`${request.method()} ${url.pathname}`);
  });
  return requests;
}

const stored = (tab: Page) =>
  tab.evaluate(() => ({
    keys: Object.keys(localStorage),
    session: Object.keys(sessionStorage),
    cookies: document.cookie,
  }));

it('asks nothing of the server, stores nothing and shows no launcher until the page consents', async () => {
  const tab = await tabs.open();
  const requests = chatRequests(tab);
  await tab.goto(siteUrl, { waitUntil: 'load' });
  // Longer than the idle delay after which the core would have been fetched without the attribute.
  await tab.waitForTimeout(4000);

  expect(requests).toEqual(['GET /widget.js']);
  expect(await stored(tab)).toEqual({ keys: [], session: [], cookies: '' });
  expect(await tab.locator('livechat-widget').count()).toBe(0);
  expect(await tab.evaluate(() => typeof (window as unknown as { LiveChat?: unknown }).LiveChat)).toBe('function');

  await tab.click('#yes');
  await tab.getByTestId('lc-launcher').click();
  await tab.getByTestId('lc-input').fill('Do you ship to Lyon?');
  await tab.getByTestId('lc-input').press('Enter');
  await tab
    .locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', {
      hasText: 'Do you ship to Lyon?',
    })
    .waitFor();
  // The call queued before consent reached the server once the chat started.
  const visitorId = await tab.evaluate(() => localStorage.getItem('livechat:demo:visitor'));
  expect(visitorId).toBeTruthy();
  await expect
    .poll(async () => (await demo.app.store.visitors.byId(visitorId ?? ''))?.attributes)
    .toEqual({ plan: 'pro' });
});

it('withdrawn consent removes the launcher, what was stored, and the token on the server', async () => {
  const tab = await tabs.open();
  await tab.goto(siteUrl, { waitUntil: 'load' });
  await tab.click('#yes');
  await tab.getByTestId('lc-launcher').click();
  await tab.getByTestId('lc-panel').waitFor();
  await expect.poll(async () => (await stored(tab)).keys).toContain('livechat:demo:token');
  const token = await tab.evaluate(() => localStorage.getItem('livechat:demo:token'));

  await tab.click('#no');
  await expect.poll(async () => (await stored(tab)).keys).toEqual([]);
  expect(await tab.locator('livechat-widget').count()).toBe(0);
  // The token cannot be used again, even if copied.
  await expect
    .poll(async () => {
      const response = await fetch(`${demo.url}/api/sites/demo/conversation`, {
        headers: { authorization: `Bearer ${token}`, origin: siteUrl },
      });
      return response.status;
    })
    .toBe(401);

  // Given again, the widget starts afresh, as a new visitor.
  await tab.click('#yes');
  await tab.getByTestId('lc-launcher').waitFor();
  await expect.poll(() => tab.evaluate(() => localStorage.getItem('livechat:demo:token'))).not.toBeNull();
  expect(await tab.evaluate(() => localStorage.getItem('livechat:demo:token'))).not.toBe(token);
});

it('starts at once when the consent was queued before the script loaded', async () => {
  const tab = await tabs.open();
  await tab.goto(`${siteUrl}/?known`);
  await tab.getByTestId('lc-launcher').waitFor();
  await expect.poll(() => tab.evaluate(() => localStorage.getItem('livechat:demo:token'))).not.toBeNull();
});
