// Going live from an empty data folder, in Chromium: the server started as `npm start` starts it, the
// setup link from its log, a site whose snippet is pasted into another web server's page, a chat from
// that page, an invited operator who answers, and the same page refused on an origin not allowed.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ROOT } from './examples-support.ts';
import { SCREENSHOTS, launchBrowser } from './harness.ts';
import { freePort } from '../packages/server/test/free-port.ts';

const SETUP_LINK = /(https?:\/\/\S+\/operator\/setup#[\w-]+)/;

interface Running {
  url: string;
  log: () => string;
  stop(): Promise<void>;
}

/** `npm start` with no demo data, on a fresh data folder; resolves once the setup link is in its log. */
async function startProduction(dataDir: string): Promise<Running & { setupLink: string }> {
  const port = await freePort();
  const child: ChildProcess = spawn('node', ['scripts/run.mjs', 'start'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DEMO: '', LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const setupLink = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no setup link in the log:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = SETUP_LINK.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${output}`)));
  });
  return {
    // The link names the server as a person would reach it (localhost when PUBLIC_URL is unset).
    url: new URL(setupLink).origin,
    setupLink,
    log: () => output,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

let browser: Browser;
let chat: Running | undefined;
let shop: Server | undefined;
const dataDir = mkdtempSync(join(tmpdir(), 'livechat-go-live-'));

beforeAll(async () => {
  browser = await launchBrowser();
}, 180_000);

afterAll(async () => {
  shop?.close();
  await browser?.close();
  await chat?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(15_000);
  return context.newPage();
}

it('an owner goes live from an empty data folder, and a colleague they invite answers', async () => {
  const started = await startProduction(dataDir);
  chat = started;
  expect(started.log()).not.toMatch(/demo website/i);

  // First run: the setup link creates the admin and signs them in.
  const admin = await open();
  await admin.goto(started.setupLink);
  await admin.getByTestId('op-setup-name').fill('Olive Owner');
  await admin.getByTestId('op-setup-email').fill('olive@bakery.test');
  await admin.getByTestId('op-setup-password').fill('a long enough password');
  await admin.getByTestId('op-setup-submit').click();
  await admin.locator('[data-testid="op-connection"][data-status="online"]').waitFor();

  // Settings → Sites: a site allowing the bakery's own web server, and its snippet.
  const port = await freePort();
  const shopOrigin = `http://127.0.0.1:${port}`;
  await admin.goto(`${started.url}/operator/#/settings`);
  await admin.getByTestId('op-site-new').click();
  await admin.getByTestId('op-site-name').fill('Corner bakery');
  await admin.getByTestId('op-site-origins').fill(`${shopOrigin}/\n`);
  await admin.getByTestId('op-site-save').click();
  await admin.getByTestId('op-site').filter({ hasText: 'Corner bakery' }).waitFor();
  const snippet = (await admin.getByTestId('op-site-snippet').textContent()) ?? '';
  expect(snippet).toContain(`${started.url}/widget.js`);
  await admin.screenshot({ path: join(SCREENSHOTS, 'go-live-site.png') });

  shop = await serveShop(snippet, port);

  // A visitor on the bakery's page writes; the admin answers.
  const visitor = await open();
  await visitor.goto(`${shopOrigin}/`);
  await visitor.getByTestId('lc-launcher').click();
  await visitor.getByTestId('lc-input').fill('Do you bake rye bread on Sundays?');
  await visitor.getByTestId('lc-input').press('Enter');
  await visitor.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])').waitFor();

  await admin.goto(`${started.url}/operator/#/conversations`);
  await admin.getByTestId('op-conversation').first().click();
  await admin.locator('[data-testid="op-message"]', { hasText: 'rye bread' }).waitFor();
  await admin.getByTestId('op-composer').fill('Yes, from 8 am.');
  await admin.getByTestId('op-composer').press('Enter');
  await visitor.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'from 8 am' }).waitFor();

  // Settings → Team: invite a colleague; they set a password on the link and are signed in.
  await admin.goto(`${started.url}/operator/#/settings`);
  await admin.getByTestId('op-invite-name').fill('Sam Baker');
  await admin.getByTestId('op-invite-email').fill('sam@bakery.test');
  await admin.getByTestId('op-invite-role').selectOption('operator');
  await admin.getByTestId('op-invite-submit').click();
  const inviteLink = (await admin.getByTestId('op-invite-link').textContent())?.trim() ?? '';
  expect(inviteLink).toMatch(/\/operator\/accept#[\w-]+$/);

  const colleague = await open();
  await colleague.goto(inviteLink);
  await colleague.getByTestId('op-accept-password').fill('sams own password');
  await colleague.getByTestId('op-accept-submit').click();
  await colleague.locator('[data-testid="op-connection"][data-status="online"]').waitFor();

  // The admin hands the conversation back to the queue; the colleague picks it up and answers.
  await admin.goto(`${started.url}/operator/#/conversations`);
  await admin.getByTestId('op-conversation').first().click();
  await admin.getByTestId('op-composer').fill('/leave');
  // Escape closes the command suggestions, so that Enter sends rather than picks.
  await admin.getByTestId('op-composer').press('Escape');
  await admin.getByTestId('op-composer').press('Enter');
  await colleague.getByTestId('op-conversation').first().click();
  await colleague.locator('[data-testid="op-message"]', { hasText: 'rye bread' }).waitFor();
  await colleague.getByTestId('op-composer').fill('I will keep a loaf for you.');
  await colleague.getByTestId('op-composer').press('Enter');
  await visitor.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'keep a loaf' }).waitFor();
  await visitor.screenshot({ path: join(SCREENSHOTS, 'go-live-visitor.png') });

  // The same page from an origin the site does not allow: the widget says chat is not available.
  const stranger = await open();
  const warnings: string[] = [];
  stranger.on('console', (message) => {
    if (message.type() === 'warning') warnings.push(message.text());
  });
  await stranger.goto(`http://localhost:${port}/`);
  await stranger.getByTestId('lc-launcher').click();
  await expect.poll(() => stranger.getByTestId('lc-status').textContent()).toContain('not available');
  expect(warnings.filter((text) => text.includes(`http://localhost:${port}`))).toHaveLength(1);
  await stranger.screenshot({ path: join(SCREENSHOTS, 'go-live-not-available.png') });
}, 240_000);

/** The owner's own website: one plain page with the snippet pasted before `</head>`. */
async function serveShop(snippet: string, port: number): Promise<Server> {
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Corner bakery</title>
${snippet}
</head>
<body><h1>Corner bakery</h1><p>Fresh bread every morning.</p></body>
</html>`;
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(page);
  });
  // Bound on every interface, so that the page is reachable as 127.0.0.1 (allowed) and localhost (not).
  await new Promise<void>((resolve) => server.listen(port, resolve));
  return server;
}
