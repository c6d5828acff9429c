// The widget: loader and opened-widget sizes (gzip), and the time from the script tag to a visible
// launcher in headless Chromium, with the page and the server both on loopback. The opened sizes are what a
// page loads from the server once the visitor opens the chat, then once they wrote a message. Parts fetched
// only when the visitor acts on them (the menu's items, the transcript form, the rating, a pre-chat form) are
// chunks of their own; e2e/widget-size.test.ts also measures an operator's reply and Arabic while away.

import { execSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../../e2e/chromium.ts';
import type { BenchContext } from '../context.ts';
import { median } from '../stats.ts';

const root = new URL('../../../', import.meta.url).pathname;
const DIST = `${root}packages/widget/dist`;

export interface WidgetResult {
  loaderGzipBytes: number;
  /** Every chunk under /widget/, as if a visitor opened every part (menu, rating, forms, each language). */
  uiGzipBytes: number;
  /** What the page loaded once the chat was opened (null without a browser run). */
  openedGzipBytes: number | null;
  /** What the page loaded once the visitor also wrote a message (null without a browser run). */
  writtenGzipBytes: number | null;
  launcherMs: number | null;
  launcherRuns: number[];
  browserNote: string | null;
}

const gzipSize = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export async function widget(ctx: BenchContext): Promise<WidgetResult> {
  if (!existsSync(`${DIST}/widget.js`)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  const loaderGzipBytes = gzipSize(`${DIST}/widget.js`);
  const uiGzipBytes = readdirSync(`${DIST}/widget`)
    .filter((name) => name.endsWith('.js'))
    .reduce((n, name) => n + gzipSize(`${DIST}/widget/${name}`), 0);
  const result: WidgetResult = {
    loaderGzipBytes,
    uiGzipBytes,
    openedGzipBytes: null,
    writtenGzipBytes: null,
    launcherMs: null,
    launcherRuns: [],
    browserNote: null,
  };
  if (ctx.sizes.widget.browserRuns === 0) return result;
  if (!hasChromium()) {
    result.browserNote = `no Chromium at ${CHROMIUM_PATH}`;
    return result;
  }
  const measured = await launcherTimes(ctx);
  result.launcherRuns = measured.runs;
  result.openedGzipBytes = measured.opened;
  result.writtenGzipBytes = measured.written;
  result.launcherMs = median(result.launcherRuns);
  console.log(
    `  widget: loader ${loaderGzipBytes} B, opened ${measured.opened} B, with a message ${measured.written} B gzip, launcher ${result.launcherMs.toFixed(1)} ms`,
  );
  return result;
}

/**
 * Opens the chat and sums the gzip sizes of every script and stylesheet the page loaded from the chat server;
 * then the visitor writes a message, and the sum is taken again.
 */
async function openedSizes(tab: Page, server: string): Promise<{ opened: number; written: number }> {
  const loads: Promise<number>[] = [];
  tab.on('response', (response) => {
    const type = response.request().resourceType();
    if (new URL(response.url()).origin !== new URL(server).origin) return;
    if (type === 'script' || type === 'stylesheet')
      loads.push(response.body().then((body) => gzipSync(body, { level: 9 }).length));
  });
  const sum = async () => (await Promise.all(loads)).reduce((total, bytes) => total + bytes, 0);
  await tab.reload();
  await tab.getByTestId('lc-launcher').click();
  await tab.getByTestId('lc-input').waitFor();
  await tab.waitForLoadState('networkidle');
  const opened = await sum();
  await tab.getByTestId('lc-input').fill('Is the Borealis lamp dimmable?');
  await tab.getByTestId('lc-input').press('Enter');
  await tab.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])').waitFor();
  await tab.waitForLoadState('networkidle');
  return { opened, written: await sum() };
}

async function launcherTimes(ctx: BenchContext): Promise<{ runs: number[]; opened: number; written: number }> {
  // The host page on its own origin, as on a customer's site.
  const page = createServer();
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  const address = page.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const pageOrigin = `http://127.0.0.1:${address.port}`;
  const running = await ctx.start('livechat', { origins: [pageOrigin] });
  page.on('request', (_req, res) => {
    res.setHeader('content-type', 'text/html');
    res.end(
      '<!doctype html><html><head><title>shop</title></head><body><h1>Shop</h1>' +
        '<script>window.__tagAt = performance.now()</script>' +
        `<script src="${running.server.url}/widget.js" data-site="bench" async></script></body></html>`,
    );
  });
  const browser = await launchChromium();
  const runs: number[] = [];
  let sizes = { opened: 0, written: 0 };
  try {
    for (let i = 0; i < ctx.sizes.widget.browserRuns; i++) {
      // A fresh context each time: nothing cached, as on a first visit.
      const context = await browser.newContext();
      const tab = await context.newPage();
      await tab.addInitScript(() => {
        const w = window as unknown as { __launcherAt?: number };
        new MutationObserver((_records, observer) => {
          const host = document.querySelector('livechat-widget');
          const button = host?.shadowRoot?.querySelector('button');
          if (!button) return;
          observer.disconnect();
          // Visible means painted: wait for the frame that shows it.
          requestAnimationFrame(() => {
            if (button.getBoundingClientRect().width > 0) w.__launcherAt = performance.now();
          });
        }).observe(document, { childList: true, subtree: true });
      });
      await tab.goto(pageOrigin);
      await tab.waitForFunction(
        () => (window as unknown as { __launcherAt?: number }).__launcherAt !== undefined,
        null,
        { timeout: 10_000 },
      );
      runs.push(
        await tab.evaluate(() => {
          const w = window as unknown as { __launcherAt: number; __tagAt: number };
          return w.__launcherAt - w.__tagAt;
        }),
      );
      if (i === 0) sizes = await openedSizes(tab, running.server.url);
      await context.close();
    }
  } finally {
    await browser.close();
    await ctx.stop(running);
    page.close();
  }
  return { runs, ...sizes };
}
