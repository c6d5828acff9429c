// The single-page app example in Chromium: SPA page views, identify with good and bad hashes, a second device, reset, destroy.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Chat } from '../packages/widget/src/api.ts';
import { startExampleServer } from '../examples/spa/server.ts';
import {
  ROOT,
  WIDGET_LISTENERS,
  allowOrigin,
  operatorApi,
  pageListeners,
  seriousViolations,
  watchSockets,
  widgetTraces,
} from './examples-support.ts';
import { type Demo, SCREENSHOTS, launchBrowser, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let app: Awaited<ReturnType<typeof startExampleServer>>;
let outDir: string;

beforeAll(async () => {
  // Built with the repository's Vite against the widget's npm build (from `npm run build`).
  outDir = mkdtempSync(join(tmpdir(), 'livechat-spa-'));
  const vite = join(ROOT, 'packages', 'widget', 'node_modules', '.bin', 'vite');
  const built = spawnSync(
    vite,
    ['build', '--config', 'examples/spa/vite.config.ts', '--outDir', outDir, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (built.status !== 0) throw new Error(`building the SPA example failed:\n${built.stdout}\n${built.stderr}`);
  demo = await startDemo();
  browser = await launchBrowser();
  const site = await demo.app.store.sites.get('demo');
  app = await startExampleServer({
    root: outDir,
    chatServer: demo.url,
    site: 'demo',
    secret: site?.identitySecret ?? '',
  });
  await allowOrigin(demo, app.url);
});

afterAll(async () => {
  app?.server.close();
  await browser?.close();
  await demo?.stop();
  if (outDir) rmSync(outDir, { recursive: true, force: true });
});

interface Summary {
  visitor: { id: string; name: string | null; email: string | null };
  lastMessage: { body: string } | null;
}

const launcher = (page: Page) => page.getByTestId('lc-launcher');
const visitorMessage = (page: Page, text: string) =>
  page.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', { hasText: text });
const readyVisitor = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string>((resolve) =>
        (window as unknown as { orbitChat: Chat }).orbitChat.on('ready', (info) => resolve(info.visitorId)),
      ),
  );

async function logIn(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Account' }).click();
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.locator('#who').waitFor();
}

describe('the single-page app example', () => {
  it('reports SPA navigations as page views and shows the identified contact to the operator', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await launcher(page).waitFor();
    const firstVisitor = await readyVisitor(page);
    // A navigation becomes a page view once it has settled (50 ms): wait for it before moving on,
    // or a quick next click makes it a page nobody stayed on.
    const pricingRecorded = page.waitForResponse(
      (response) =>
        response.url().endsWith('/page-views') && (response.request().postData() ?? '').includes('/pricing'),
    );
    await page.getByRole('link', { name: 'Pricing' }).click();
    await page.waitForURL('**/pricing');
    await pricingRecorded;
    await logIn(page);

    await launcher(page).click();
    await page.getByTestId('lc-input').fill('Hello from the SPA');
    await page.getByTestId('lc-input').press('Enter');
    await visitorMessage(page, 'Hello from the SPA').waitFor();

    const get = await operatorApi(demo);
    const { body } = await get<{ conversations: Summary[] }>('/api/operator/conversations');
    const conversation = body.conversations.find((c) => c.lastMessage?.body === 'Hello from the SPA');
    expect(conversation?.visitor).toMatchObject({ id: firstVisitor, name: 'Ada Lovelace', email: 'ada@example.com' });
    const details = await get<{ visitor: { externalId: string } }>(`/api/operator/visitors/${firstVisitor}`);
    expect(details.body.visitor.externalId).toBe('user-42');
    await expect
      .poll(async () => {
        const views = await get<{ pageViews: Array<{ title: string; url: string }> }>(
          `/api/operator/visitors/${firstVisitor}/page-views`,
        );
        return views.body.pageViews.map((view) => `${view.title} ${new URL(view.url).pathname}`);
      })
      .toEqual(['Orbit Notes – Account /account', 'Orbit Notes – Pricing /pricing', 'Orbit Notes – Home /']);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'spa-identified.png') });

    // The same user on another browser is the same contact, in the same conversation.
    const phone = await browser.newContext({ viewport: { width: 390, height: 760 } });
    const phonePage = await phone.newPage();
    await phonePage.goto(`${app.url}/`);
    await launcher(phonePage).waitFor();
    await logIn(phonePage);
    await launcher(phonePage).click();
    await visitorMessage(phonePage, 'Hello from the SPA').waitFor();
    await phone.close();
    await context.close();
  });

  it('refuses identify() with a bad hash, and nothing of the contact leaks', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await launcher(page).waitFor();
    const visitorId = await readyVisitor(page);
    const outcome = await page.evaluate(async () => {
      const chat = (window as unknown as { orbitChat: Chat }).orbitChat;
      const events: string[] = [];
      chat.on('error', (error) => events.push(error.code));
      try {
        await chat.identify({ id: 'user-42', name: 'Mallory', hash: '0'.repeat(64) });
        return { rejected: null, events };
      } catch (error) {
        return { rejected: (error as { code: string }).code, events };
      }
    });
    expect(outcome).toEqual({ rejected: 'identity_invalid', events: ['identity_invalid'] });
    await launcher(page).click();
    await page.getByTestId('lc-panel').waitFor();
    expect(await page.getByTestId('lc-message').count()).toBe(0);
    const stored = await demo.app.store.visitors.byId(visitorId);
    expect(stored).toMatchObject({ name: null, externalId: null });
    await context.close();
  });

  it('reset() on logout starts over as a new anonymous visitor', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${app.url}/`);
    await launcher(page).waitFor();
    await logIn(page);
    await launcher(page).click();
    await visitorMessage(page, 'Hello from the SPA').waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await expect.poll(() => page.getByTestId('lc-message').count()).toBe(0);
    const stored = await page.evaluate(() =>
      Object.entries(localStorage).filter(([key]) => key.startsWith('livechat:')),
    );
    const visitor = stored.find(([key]) => key.endsWith(':visitor'))?.[1];
    expect(visitor).toBeTruthy();
    expect((await demo.app.store.visitors.byId(visitor as string))?.externalId).toBeNull();
    await context.close();
  });

  it('destroy() on unmount leaves no element, listener, History API hook or open socket', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sockets = watchSockets(page);
    await page.goto(`${app.url}/`);
    await launcher(page).waitFor();
    await launcher(page).click();
    await page.getByTestId('lc-input').fill('Still there?');
    await page.getByTestId('lc-input').press('Enter');
    await visitorMessage(page, 'Still there?').waitFor();
    const before = await pageListeners(page);
    for (const type of WIDGET_LISTENERS) expect(before).toContain(type);

    const toggle = page.getByLabel('Chat widget on this page');
    await toggle.uncheck();
    expect(await widgetTraces(page)).toMatchObject({ elements: 0, nativeHistory: true });
    await expect.poll(() => sockets.every((socket) => socket.isClosed())).toBe(true);
    const after = await pageListeners(page);
    expect(after.filter((type) => WIDGET_LISTENERS.includes(type))).toEqual(['window:popstate']); // the app's router
    // Navigating without the widget records nothing and nothing breaks.
    await page.getByRole('link', { name: 'Pricing' }).click();
    await page.waitForURL('**/pricing');

    // Mounted again, it works again.
    await toggle.check();
    await launcher(page).click();
    await visitorMessage(page, 'Still there?').waitFor();
    await context.close();
  });
});
