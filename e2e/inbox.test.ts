// The inbox in Chromium against the real demo server: resolve, transfer, search, and alerts while the tab is hidden.

import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Demo, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

interface Recorded {
  notifications: Array<{ title: string; body: string }>;
  tones: number;
}

/**
 * Replaces the page's Notification and Web Audio with recorders, so that what the operator would
 * see and hear is observable; `hidden()` makes the tab look hidden as when the operator is elsewhere.
 */
function installRecorders(): void {
  const recorded: Recorded & { shown: Array<{ onclick: (() => void) | null }> } = {
    notifications: [],
    tones: 0,
    shown: [],
  };
  Object.defineProperty(window, '__recorded', { value: recorded });
  class RecordingNotification {
    static permission = 'granted';
    static requestPermission = async () => 'granted';
    onclick: (() => void) | null = null;
    constructor(title: string, options: { body?: string } = {}) {
      recorded.notifications.push({ title, body: options.body ?? '' });
      recorded.shown.push(this);
    }
    close(): void {}
  }
  Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
  const param = () => ({ value: 0, setValueAtTime() {}, exponentialRampToValueAtTime() {} });
  class RecordingAudioContext {
    state = 'running';
    currentTime = 0;
    destination = {};
    resume = async () => undefined;
    createGain() {
      return { gain: param(), connect() {} };
    }
    createOscillator() {
      return {
        type: 'sine',
        frequency: param(),
        connect() {},
        start() {
          recorded.tones++;
        },
        stop() {},
      };
    }
  }
  Object.defineProperty(window, 'AudioContext', { value: RecordingAudioContext, configurable: true, writable: true });
  Object.defineProperty(window, '__hide', {
    value: () => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      Object.defineProperty(document, 'hidden', { value: true, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    },
  });
}

async function operator(email: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  contexts.push(context);
  await context.addInitScript(installRecorders);
  const page = await context.newPage();
  await signIn(page, demo.url, email, password);
  await page.locator('.sidebar[data-loaded="true"]').waitFor();
  return page;
}

const alice = () => operator('alice@example.com', 'demo-password-alice');
const bob = () => operator('bob@example.com', 'demo-password-bob');

async function visitorWrites(text: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  const site = await context.newPage();
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-input').fill(text);
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: text }).waitFor();
  return site;
}

/** Opens, from the operator's list, the conversation whose last message is `text`. */
async function openConversationWith(page: Page, text: string): Promise<string> {
  const row = page.locator('[data-testid="op-conversation"]', { hasText: text });
  await row.waitFor();
  const id = await row.getAttribute('data-conversation-id');
  await row.click();
  await page.locator('[data-testid="op-message"]', { hasText: text }).waitFor();
  if (!id) throw new Error('row without a conversation id');
  return id;
}

const recorded = (page: Page) => page.evaluate(() => (window as unknown as { __recorded: Recorded }).__recorded);

it('an operator resolves a conversation: the visitor sees it ended, the operator can no longer answer', async () => {
  const ui = await alice();
  const site = await visitorWrites('My order never came, can you check?');
  await openConversationWith(ui, 'My order never came');
  const systemLines = site.locator('[data-testid="lc-message"][data-author="system"]');
  const linesBefore = await systemLines.count();

  await ui.getByTestId('op-resolve').click();
  await ui.getByTestId('op-resolved').waitFor();
  await ui.getByTestId('op-conversation-closed').waitFor();
  expect(await ui.getByTestId('op-composer').count()).toBe(0);
  await ui.locator('[data-testid="op-message"][data-author="system"]', { hasText: 'resolved' }).waitFor();

  await expect.poll(() => systemLines.count()).toBeGreaterThan(linesBefore);
  await ui.screenshot({ path: join(SCREENSHOTS, 'inbox-resolved.png') });
});

it('a transfer moves the conversation to Bob, who sees it and is notified', async () => {
  const ui = await alice();
  await visitorWrites('Can someone who knows invoices help me?');
  const conversationId = await openConversationWith(ui, 'who knows invoices');
  const colleague = await bob();

  await ui.getByTestId('op-assign').click();
  await ui.locator('[data-testid="op-assign-option"]', { hasText: 'Bob' }).click();

  // Bob has it in his list, an unread notification in his inbox, and a desktop notification.
  await colleague.locator(`[data-testid="op-conversation"][data-conversation-id="${conversationId}"]`).waitFor();
  await expect.poll(() => colleague.getByTestId('op-inbox-count').textContent()).toBe('1');
  await expect
    .poll(async () => (await recorded(colleague)).notifications.map((shown) => shown.title).join('\n'))
    .toContain('assigned you a conversation');
  // Alice no longer has it in her own list.
  await expect
    .poll(() => ui.locator(`[data-testid="op-conversation"][data-conversation-id="${conversationId}"]`).count())
    .toBe(0);
  await colleague.screenshot({ path: join(SCREENSHOTS, 'inbox-transferred.png') });
});

it('a search finds a message, marks the words, and opens its conversation', async () => {
  await visitorWrites('Is the Zanzibar teapot dishwasher safe?');
  const ui = await alice();

  await ui.getByTestId('op-search').fill('zanzibar teapot');
  const result = ui.locator('[data-testid="op-search-result"]', { hasText: 'dishwasher' });
  await result.waitFor();
  const marked = await result.locator('mark').allTextContents();
  expect(marked.map((word) => word.toLowerCase())).toEqual(expect.arrayContaining(['zanzibar', 'teapot']));

  await result.click();
  await ui.locator('[data-testid="op-message"]', { hasText: 'Zanzibar teapot' }).waitFor();
  expect(await ui.evaluate(() => location.hash)).toMatch(/^#\/conversations\//);
  await ui.screenshot({ path: join(SCREENSHOTS, 'inbox-search.png') });
});

it('a new conversation while the tab is hidden shows a desktop notification and plays a sound', async () => {
  const ui = await alice();
  await ui.evaluate(() => (window as unknown as { __hide: () => void }).__hide());
  const before = await recorded(ui);

  await visitorWrites('Hello, is anyone there? I need help with my lamp.');

  await expect
    .poll(async () => (await recorded(ui)).notifications.length, { timeout: 10_000 })
    .toBeGreaterThan(before.notifications.length);
  const after = await recorded(ui);
  expect(after.tones).toBeGreaterThan(before.tones);
  const shown = after.notifications.at(-1);
  expect(shown?.title).toContain('New conversation');
  expect(shown?.body).toContain('anyone there');

  // Clicking the notification opens that conversation.
  await ui.evaluate(() => {
    const { shown: list } = (window as unknown as { __recorded: { shown: Array<{ onclick: (() => void) | null }> } })
      .__recorded;
    list.at(-1)?.onclick?.();
  });
  await ui.locator('[data-testid="op-message"]', { hasText: 'anyone there' }).waitFor();
});

it('signed out, the operator UI loads without a console error', async () => {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  await page.goto(`${demo.url}/operator/`);
  await page.getByTestId('op-login-email').waitFor();
  expect(errors).toEqual([]);
});

it('on a 390 px phone every section is named in full and the visitor panel can be opened', async () => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  contexts.push(context);
  const ui = await context.newPage();
  // signIn waits for the connection status, which a phone's header leaves out for room.
  await ui.goto(`${demo.url}/operator/`);
  await ui.getByTestId('op-login-email').fill('alice@example.com');
  await ui.getByTestId('op-login-password').fill('demo-password-alice');
  await ui.getByTestId('op-login-submit').click();
  await ui.locator('.sidebar[data-loaded="true"]').waitFor();
  const links = ui.locator('.topnav__link');
  for (let index = 0; index < (await links.count()); index++) {
    const fits = await links.nth(index).evaluate((link) => {
      const box = link.getBoundingClientRect();
      return link.scrollWidth <= link.clientWidth && box.left >= 0 && box.right <= window.innerWidth;
    });
    expect(fits, (await links.nth(index).textContent()) ?? '').toBe(true);
  }

  await visitorWrites('Can I pick up my order in the shop?');
  await openConversationWith(ui, 'pick up my order');
  expect(await ui.getByTestId('op-visitor-panel').isVisible()).toBe(false);
  await ui.getByTestId('op-visitor-toggle').click();
  await ui.getByTestId('op-visitor-panel').waitFor();
  await ui.screenshot({ path: join(SCREENSHOTS, 'inbox-phone-visitor.png') });
});
