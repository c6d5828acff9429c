// A wrong embed in Chromium: the browser lets the page read why the server refused it.

import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, launchBrowser, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let elsewhere: Server;
let elsewhereUrl: string;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  // A page on an origin the demo site does not allow.
  elsewhere = createServer((_request, response) => {
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end('<!doctype html><title>Elsewhere</title>');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, '127.0.0.1', resolve));
  const address = elsewhere.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  elsewhereUrl = `http://127.0.0.1:${address.port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => elsewhere?.close(resolve));
  await demo?.stop();
});

/** What the page's own script sees of a request: the status and the error code, or the browser's failure. */
function request(page: Page, url: string, init: { method: string; headers?: Record<string, string>; body?: string }) {
  return page.evaluate(
    async ({ url, init }) => {
      try {
        const response = await fetch(url, init);
        const body = (await response.json()) as { error?: { code: string } };
        return { status: response.status, code: body.error?.code ?? null };
      } catch (error) {
        return { failed: String(error) };
      }
    },
    { url, init },
  );
}

describe('a page whose origin is not allowed', () => {
  it('reads the refusal of every call the widget makes, preflighted or not, instead of a network error', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${elsewhereUrl}/`);
    const api = `${demo.url}/api/sites`;

    // The widget mints its token with a bare POST: no preflight.
    expect(await request(page, `${api}/demo/visitors`, { method: 'POST' })).toEqual({
      status: 403,
      code: 'bad_origin',
    });
    // With a JSON body and a token the browser asks first; the preflight passes, the request is refused.
    const json = { 'content-type': 'application/json', authorization: `Bearer ${'x'.repeat(32)}` };
    expect(await request(page, `${api}/demo/visitors`, { method: 'POST', headers: json, body: '{}' })).toEqual({
      status: 403,
      code: 'bad_origin',
    });
    expect(await request(page, `${api}/demo/identify`, { method: 'POST', headers: json, body: '{}' })).toEqual({
      status: 403,
      code: 'bad_origin',
    });
    expect(await request(page, `${api}/demo/widget`, { method: 'GET' })).toEqual({ status: 403, code: 'bad_origin' });
    expect(await request(page, `${api}/nosuch/widget`, { method: 'GET' })).toEqual({ status: 404, code: 'not_found' });
    expect(await request(page, `${api}/nosuch/visitors`, { method: 'POST', headers: json, body: '{}' })).toEqual({
      status: 404,
      code: 'not_found',
    });
    await context.close();
  });
});
