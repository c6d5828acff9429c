// Size budgets of the built widget, checked after `npm run build`: the loader a page view downloads, and what a
// page really loads from the chat server in the states an opened chat is in: before any message, with a
// conversation in progress, and while nobody is online (the away state and the email ask), in English and in
// Arabic, whose words are a chunk of their own and the only bytes allowed beyond the budget; and, within 30 KB,
// everything once the visitor has attached a file and a message with one is shown.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { allowOrigin, ROOT } from './examples-support.ts';
import { type Demo, launchBrowser, Pages, signIn, startDemo } from './harness.ts';

const DIST = join(ROOT, 'packages', 'widget', 'dist');
const LOADER_BUDGET = 2 * 1024;
const OPENED_BUDGET = 25 * 1024;
/** Everything loaded once the visitor has attached a file and a message with one is shown. */
const WITH_FILES_BUDGET = 30 * 1024;

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes: Buffer) =>
  brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }).length;

interface Loaded {
  path: string;
  gzip: number;
}

let demo: Demo;
let browser: Browser;
let tabs: Pages;
let site: Server;
let siteUrl: string;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  tabs = new Pages(browser);
  // The shop's page, on an origin of its own: the tag's attributes come from the query string.
  site = createServer((request, response) => {
    const locale = new URL(request.url ?? '/', 'http://x').searchParams.get('locale');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      `<!doctype html><html><head><title>Shop</title><script src="${demo.url}/widget.js" data-site="demo"` +
        `${locale ? ` data-locale="${locale}"` : ''} async></script></head><body><h1>Shop</h1></body></html>`,
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

/** Every script and stylesheet the page loaded from the chat server, each gzipped at level 9. */
function watchLoads(tab: Page): Promise<Loaded>[] {
  const loads: Promise<Loaded>[] = [];
  tab.on('response', (response) => {
    const url = new URL(response.url());
    const type = response.request().resourceType();
    if (url.origin !== new URL(demo.url).origin || (type !== 'script' && type !== 'stylesheet')) return;
    loads.push(response.body().then((body) => ({ path: url.pathname, gzip: gzipped(body) })));
  });
  return loads;
}

/** Prints what was loaded, and returns the sum. */
function report(label: string, loaded: Loaded[], budget = OPENED_BUDGET): Loaded[] {
  const total = loaded.reduce((sum, item) => sum + item.gzip, 0);
  console.log(
    [
      ...loaded.map((item) => `  ${item.path}: ${item.gzip} B gzipped`),
      `opened chat, ${label}: ${total} B gzipped, budget ${budget} B`,
    ].join('\n'),
  );
  expect(loaded.map((item) => item.path)).toContainEqual(expect.stringMatching(/^\/widget\/core-[\w-]+\.js$/));
  return loaded;
}

const sum = (loaded: Loaded[]) => loaded.reduce((total, item) => total + item.gzip, 0);

/** Opens the chat on the shop's page, waits for what the visitor should see, then lets `then` act before the sum is taken. */
async function openedSize(
  label: string,
  query: string,
  shown: string[],
  then: (tab: Page) => Promise<void> = async () => {},
  budget = OPENED_BUDGET,
): Promise<Loaded[]> {
  const tab = await tabs.open();
  const loads = watchLoads(tab);
  await tab.goto(`${siteUrl}/${query}`);
  await tab.getByTestId('lc-launcher').click();
  for (const testId of shown) await tab.getByTestId(testId).waitFor();
  await then(tab);
  await tab.waitForLoadState('networkidle');
  return report(label, await Promise.all(loads), budget);
}

/** The visitor writes a message and waits until the server has it. */
async function write(tab: Page, text: string): Promise<void> {
  await tab.getByTestId('lc-input').fill(text);
  await tab.getByTestId('lc-input').press('Enter');
  await tab
    .locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', { hasText: text })
    .waitFor();
}

/** The chunks a visitor fetches only by acting (the menu, the transcript form, a rating, a site's pre-chat form). */
const ON_DEMAND = ['menu', 'transcript', 'rating', 'prechat'];

function chunkSize(name: string): number {
  const file = readdirSync(join(DIST, 'widget')).find((entry) => entry.startsWith(`${name}-`) && entry.endsWith('.js'));
  expect(file, `dist/widget/${name}-*.js`).toBeDefined();
  return gzipped(readFileSync(join(DIST, 'widget', file as string)));
}

let operator: Page;

it('keeps the loader within 2 KB compressed (gzip and brotli)', () => {
  expect(existsSync(join(DIST, 'widget.js')), 'run `npm run build` first').toBe(true);
  const loaderBytes = readFileSync(join(DIST, 'widget.js'));
  const loader = { raw: loaderBytes.length, gzip: gzipped(loaderBytes), brotli: brotli(loaderBytes) };
  console.log(
    `widget.js (loader): ${loader.raw} B, ${loader.gzip} B gzipped, ${loader.brotli} B brotli, budget ${LOADER_BUDGET} B`,
  );
  // The core has a content-hashed name, like every chunk it imports: only widget.js keeps a fixed one.
  expect(readFileSync(join(DIST, 'widget.js'), 'utf8')).toMatch(/\/widget\/core-[\w-]+\.js/);
  expect(loader.gzip).toBeLessThanOrEqual(LOADER_BUDGET);
  expect(loader.brotli).toBeLessThanOrEqual(LOADER_BUDGET);
});

it('keeps the opened chat within 25 KB gzipped: English with the team online, before any message', async () => {
  operator = await tabs.open();
  await signIn(operator, demo.url, 'alice@example.com', 'demo-password-alice');
  const loaded = await openedSize('English, online, no conversation yet', '', ['lc-team', 'lc-input']);
  expect(sum(loaded)).toBeLessThanOrEqual(OPENED_BUDGET);
});

it('keeps the opened chat within 25 KB gzipped: English with a conversation in progress', async () => {
  const loaded = await openedSize('English, online, conversation in progress', '', ['lc-input'], async (tab) => {
    await write(tab, 'Is the Borealis lamp dimmable?');
    await operator.locator('[data-testid="op-conversation"]', { hasText: 'Borealis lamp' }).click();
    await operator.getByTestId('op-composer').fill('Yes, with any dimmer.');
    await operator.getByTestId('op-composer').press('Enter');
    await tab.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'any dimmer' }).waitFor();
  });
  await operator.context().close();
  expect(sum(loaded)).toBeLessThanOrEqual(OPENED_BUDGET);
});

/** Waits until the server no longer counts Alice online: her tab from the tests before is closed. */
async function teamAway(): Promise<void> {
  await expect
    .poll(
      async () => ((await (await fetch(`${demo.url}/api/sites/demo/availability`)).json()) as { state: string }).state,
    )
    .toBe('away');
}

/** Opens the chat with nobody online, writes a message, and waits for the away state and the email ask. */
function awaySize(label: string, query: string, text: string): Promise<Loaded[]> {
  return openedSize(label, query, ['lc-away', 'lc-email'], async (tab) => {
    await write(tab, text);
    await tab.getByTestId('lc-email').waitFor();
  });
}

it('keeps the opened chat within 25 KB gzipped: English with nobody online, a message written, the away state and the email ask', async () => {
  await teamAway();
  const loaded = await awaySize('English, away, message written', '', 'Is the Borealis lamp dimmable?');
  expect(loaded.map((item) => item.path)).toContainEqual(expect.stringMatching(/^\/widget\/email-ask-[\w-]+\.js$/));
  expect(sum(loaded)).toBeLessThanOrEqual(OPENED_BUDGET);
});

it('keeps the opened chat within 25 KB gzipped plus the Arabic words: Arabic with nobody online, a message written, the away state and the email ask', async () => {
  await teamAway();
  const loaded = await awaySize('Arabic, away, message written', '?locale=ar', 'هل المصباح قابل للتعتيم؟');
  // The language's words are the only bytes allowed beyond the budget: everything else is what English loads.
  const words = sum(loaded.filter((item) => /^\/widget\/ar(-more)?-[\w-]+\.js$/.test(item.path)));
  console.log(
    `Arabic: ${sum(loaded)} B gzipped, of which ${words} B Arabic words; budget ${OPENED_BUDGET} + ${words} B`,
  );
  expect(words).toBeGreaterThan(0);
  expect(sum(loaded)).toBeLessThanOrEqual(OPENED_BUDGET + words);
});

/** A small PNG, drawn by the page itself. */
async function png(tab: Page): Promise<Buffer> {
  const data = await tab.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 120;
    canvas.height = 80;
    const context = canvas.getContext('2d') as CanvasRenderingContext2D;
    context.fillStyle = '#dc2626';
    context.fillRect(10, 10, 100, 60);
    return canvas.toDataURL('image/png').split(',')[1] as string;
  });
  return Buffer.from(data, 'base64');
}

it('keeps everything within 30 KB gzipped once the visitor has attached an image and a message with it is shown', async () => {
  await teamAway();
  const loaded = await openedSize(
    'English, a file attached and a message with an image shown',
    '',
    ['lc-input'],
    async (tab) => {
      await tab
        .getByTestId('lc-attach')
        .setInputFiles({ name: 'error.png', mimeType: 'image/png', buffer: await png(tab) });
      await tab.locator('[data-testid="lc-tray-item"][data-state="done"]').waitFor();
      await tab.getByTestId('lc-input').fill('The checkout shows this');
      await tab.getByTestId('lc-input').press('Enter');
      // Shown with the message while it is sent, and once the server has it.
      await tab
        .locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: 'The checkout shows this' })
        .getByTestId('lc-attachment')
        .waitFor();
    },
    WITH_FILES_BUDGET,
  );
  const paths = loaded.map((item) => item.path);
  expect(paths).toContainEqual(expect.stringMatching(/^\/widget\/tray-[\w-]+\.js$/));
  expect(paths).toContainEqual(expect.stringMatching(/^\/widget\/attachments-[\w-]+\.js$/));
  expect(sum(loaded)).toBeLessThanOrEqual(WITH_FILES_BUDGET);
});

it('prints what each part fetched on demand adds, outside the cases above', () => {
  console.log(
    `on demand, the upload (tray, progress, re-encode, upload request): +${chunkSize('tray')} B gzipped; ` +
      `files in messages: +${chunkSize('attachments')} B; their words in three languages: +${chunkSize('files')} B`,
  );
  const words = `+${chunkSize('en-more')} B of their words in English, ${chunkSize('ar-more')} B in Arabic, once`;
  console.log(ON_DEMAND.map((name) => `on demand, ${name}: +${chunkSize(name)} B gzipped (${words})`).join('\n'));
  console.log(`on demand, identify() and setAttributes() (sdk-calls): +${chunkSize('sdk-calls')} B gzipped`);
});
