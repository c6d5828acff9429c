// Attached files in a real browser, on a website of another origin: the widget's signed image link
// shows in an <img> there (cross-origin resource policy), and opened directly it is sandboxed.

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Demo, launchBrowser, Pages, startDemo } from './harness.ts';

/** A real 2×1 PNG. */
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAD0lEQVR4nGP4z8DAwPAfAAcAAf9+CLHQAAAAAElFTkSuQmCC';

let demo: Demo;
let browser: Browser;
let pages: Pages;
/** The shop's own website: another site than the chat server's (localhost), served for real on loopback. */
let shop: Server;
let SHOP: string;

beforeAll(async () => {
  shop = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Shop</title><p>Shop</p>');
  });
  await new Promise<void>((resolve) => shop.listen(0, '127.0.0.1', resolve));
  SHOP = `http://127.0.0.1:${(shop.address() as AddressInfo).port}`;
  demo = await startDemo();
  await demo.app.store.sites.save({ id: 'shop', name: 'Shop', allowedOrigins: [SHOP] });
  browser = await launchBrowser();
  pages = new Pages(browser);
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
  await new Promise((resolve) => shop?.close(resolve));
});

/** A page of the shop's own website, with no policy of ours on it. */
async function shopPage(): Promise<Page> {
  const page = await pages.open();
  await page.goto(`${SHOP}/`);
  return page;
}

it('shows a sent screenshot from its signed link on the shop’s page', async () => {
  const page = await shopPage();
  const seen = await page.evaluate(
    async ({ server, png }) => {
      const visitor = await (await fetch(`${server}/api/sites/shop/visitors`, { method: 'POST' })).json();
      const auth = { authorization: `Bearer ${visitor.token}` };
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const form = new FormData();
      form.append('file', new Blob([bytes], { type: 'image/png' }), 'screenshot.png');
      const upload = await (
        await fetch(`${server}/api/sites/shop/uploads`, { method: 'POST', headers: auth, body: form })
      ).json();
      const socket = new WebSocket(
        `${server.replace('http', 'ws')}/ws/visitor?site=shop&token=${encodeURIComponent(visitor.token)}`,
      );
      const ack = await new Promise<{ message: { attachments: Array<{ url: string }> } }>((resolve, reject) => {
        socket.onmessage = (event) => {
          const frame = JSON.parse(event.data);
          if (frame.type === 'welcome') {
            socket.send(
              JSON.stringify({
                type: 'message.send',
                id: 'f1',
                clientId: 'shot-1',
                body: '',
                attachmentIds: [upload.attachment.id],
              }),
            );
          } else if (frame.type === 'message.ack') resolve(frame);
          else if (frame.type === 'error') reject(new Error(frame.message));
        };
      });
      const url = `${server}${ack.message.attachments[0]?.url}`;
      const image = document.createElement('img');
      document.body.append(image);
      const loaded = await new Promise<boolean>((resolve) => {
        image.onload = () => resolve(true);
        image.onerror = () => resolve(false);
        image.src = url;
      });
      socket.close();
      return { loaded, width: image.naturalWidth, height: image.naturalHeight, url };
    },
    { server: demo.url, png: PNG_BASE64 },
  );
  expect(seen).toMatchObject({ loaded: true, width: 2, height: 1 });

  // Opened directly, the file is sandboxed and not sniffed.
  const opened = await pages.open();
  const response = await opened.goto(seen.url);
  expect(response?.headers()['content-security-policy']).toBe('sandbox');
  expect(response?.headers()['x-content-type-options']).toBe('nosniff');
});
