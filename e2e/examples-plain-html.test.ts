// The plain HTML example in Chromium: the queue stub, settings, keyboard and screen-reader use, and destroy().

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ROOT,
  WIDGET_LISTENERS,
  allowOrigin,
  operatorApi,
  pageListeners,
  seriousViolations,
  serveStatic,
  watchSockets,
  widgetTraces,
} from './examples-support.ts';
import { type Demo, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  site = await serveStatic(join(ROOT, 'examples', 'plain-html'), demo.url);
  await allowOrigin(demo, site.url);
});

afterAll(async () => {
  await site?.close();
  await browser?.close();
  await demo?.stop();
});

const panel = (page: Page) => page.getByTestId('lc-panel');
const ready = (page: Page) => page.waitForFunction(() => document.documentElement.dataset.chatVisitor);
/** The element focused inside the widget's shadow root, described by its test id or tag. */
const focusedInWidget = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('livechat-widget')?.shadowRoot?.activeElement;
    return active ? (active.getAttribute('data-testid') ?? active.tagName.toLowerCase()) : null;
  });

describe('the plain HTML example', () => {
  it('runs calls queued before the script loaded, and the operator sees the message, attributes and pages', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${site.url}/index.html`);
    const visitorId = await (await ready(page)).jsonValue();

    await page.getByRole('button', { name: 'Ask for a suggestion' }).click();
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(await page.getByTestId('lc-input').inputValue()).toBe('Hi! Which tea would you suggest for the evening?');
    expect(await page.getByRole('heading', { name: 'Tealight support' }).isVisible()).toBe(true);
    await page.getByTestId('lc-input').press('Enter');
    await page.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])').waitFor();

    await page.getByRole('link', { name: 'Pricing' }).click();
    await page.waitForURL('**/pricing.html');
    // That page asks for French and the left side.
    const launcher = page.getByTestId('lc-launcher');
    // Labelled by the core, which this page (no API call) fetches once it has loaded and gone idle.
    await expect.poll(() => launcher.getAttribute('aria-label'), { timeout: 5000 }).toBe('Ouvrir le chat');
    const box = await launcher.boundingBox();
    expect(box?.x).toBeLessThan(100);

    const get = await operatorApi(demo);
    const details = await get<{ visitor: { attributes: Record<string, string> } }>(
      `/api/operator/visitors/${visitorId}`,
    );
    expect(details.body.visitor.attributes).toEqual({ plan: 'free', newsletter: 'true' });
    // The operator sees them beside the conversation.
    const operatorContext = await browser.newContext();
    const ui = await operatorContext.newPage();
    await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
    await ui.getByTestId('op-conversation').first().click();
    const attributes = ui.getByTestId('op-visitor-attribute');
    await expect.poll(async () => (await attributes.allTextContents()).sort()).toEqual(['newslettertrue', 'planfree']);
    await operatorContext.close();
    await expect
      .poll(async () => {
        const views = await get<{ pageViews: Array<{ title: string }> }>(
          `/api/operator/visitors/${visitorId}/page-views`,
        );
        return views.body.pageViews.map((view) => view.title);
      })
      .toEqual(['Tealight Tea – Tarifs', 'Tealight Tea – Home']);
    await context.close();
  });

  it('shows the launcher before the core has loaded, and a click meanwhile opens the chat once it has', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/widget/core-*.js', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(`${site.url}/index.html`);
    const launcher = page.getByTestId('lc-launcher');
    await launcher.waitFor();
    // Drawn by the loader alone, in the page's colour (data-color="#0f766e").
    expect(await launcher.evaluate((button) => getComputedStyle(button).backgroundColor)).toBe('rgb(15, 118, 110)');
    expect(await page.evaluate(() => document.querySelectorAll('livechat-widget').length)).toBe(1);
    await launcher.click();
    await launcher.click();
    expect(await panel(page).count()).toBe(0);

    release();
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    // The core adopted the loader's launcher rather than drawing a second one, and gave it its labels.
    expect(await page.evaluate(() => document.querySelectorAll('livechat-widget').length)).toBe(1);
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');
    expect(await launcher.getAttribute('aria-label')).toBe('Hide chat');
    await context.close();
  });

  it('takes the launcher away when the core cannot load', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    await page.route('**/widget/core-*.js', (route) => route.abort());
    await page.goto(`${site.url}/index.html`);
    await expect.poll(() => errors.some((text) => text.startsWith('[livechat]'))).toBe(true);
    expect(await page.evaluate(() => document.querySelectorAll('livechat-widget').length)).toBe(0);
    await context.close();
  });

  it('is usable from the keyboard: focus moves in, stays in, and goes back where it was', async () => {
    // Reduced motion: axe reads the panel's colours as they end, not halfway through its fade-in.
    const context = await browser.newContext({ reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.url}/index.html`);
    await ready(page);
    await page.getByRole('button', { name: 'Show or hide the chat' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    await expect.poll(() => focusedInWidget(page)).toBe('lc-input');
    await page.getByTestId('lc-input').fill('draft');
    for (let i = 0; i < 7; i++) {
      await page.keyboard.press(i % 3 === 2 ? 'Shift+Tab' : 'Tab');
      expect(
        await page.evaluate(
          () => document.querySelector('livechat-widget')?.shadowRoot?.activeElement?.closest('.panel') !== null,
        ),
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect.poll(() => panel(page).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('toggle');

    await page.getByTestId('lc-launcher').click();
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    expect(await panel(page).getAttribute('aria-modal')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'plain-html-open.png') });
    await context.close();
  });

  it('fills the screen on a phone, and speaks Arabic right to left', async () => {
    // Reduced motion: the panel appears without sliding in, so its box is final at once.
    const context = await browser.newContext({
      viewport: { width: 375, height: 700 },
      locale: 'ar',
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.addInitScript(() => {
      (window as unknown as { LiveChatSettings: object }).LiveChatSettings = { locale: 'ar', title: undefined };
    });
    await page.goto(`${site.url}/index.html`);
    await ready(page);
    await page.getByTestId('lc-launcher').click();
    await expect.poll(() => panel(page).isVisible()).toBe(true);
    const box = await panel(page).boundingBox();
    expect(box).toMatchObject({ x: 0, y: 0, width: 375, height: 700 });
    expect(
      await page.evaluate(
        () =>
          getComputedStyle(document.querySelector('livechat-widget')?.shadowRoot?.querySelector('.panel') as Element)
            .direction,
      ),
    ).toBe('rtl');
    expect(await page.getByTestId('lc-input').getAttribute('placeholder')).toBe('اكتب رسالة…');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'plain-html-phone-rtl.png') });
    await context.close();
  });

  it('destroy() leaves no element, global, listener, History API hook or open socket', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const sockets = watchSockets(page);
    await page.goto(`${site.url}/index.html`);
    await ready(page);
    await page.getByTestId('lc-launcher').click();
    await page.getByTestId('lc-input').fill('Bonjour');
    await page.getByTestId('lc-input').press('Enter');
    await page.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])').waitFor();
    expect(sockets.length).toBeGreaterThan(0);
    const before = await pageListeners(page);
    for (const type of WIDGET_LISTENERS) expect(before).toContain(type);

    await page.evaluate(() => (window as unknown as { LiveChat: { destroy(): void } }).LiveChat.destroy());
    expect(await widgetTraces(page)).toEqual({ elements: 0, global: false, nativeHistory: true });
    await expect.poll(() => sockets.every((socket) => socket.isClosed())).toBe(true);
    // The page itself listens to none of these, so none may remain.
    const after = await pageListeners(page);
    expect(after.filter((type) => WIDGET_LISTENERS.includes(type))).toEqual([]);
    expect(after.length).toBeLessThanOrEqual(before.length - WIDGET_LISTENERS.length);
    await context.close();
  });
});
