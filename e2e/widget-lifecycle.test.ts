// The end of a conversation as the visitor lives it: ending it from the widget's menu, an operator resolving it, writing again.

import { join } from 'node:path';
import type { ConversationBody, VisitorConversationList } from '../packages/protocol/src/index.ts';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Demo, launchBrowser, Pages, SCREENSHOTS, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser);
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** Alice, signed in through the operator HTTP API (the operator UI's calls, without its page). */
async function alice(): Promise<<T>(method: 'GET' | 'POST', path: string) => Promise<{ status: number; body: T }>> {
  const login = await fetch(`${demo.url}/api/operator/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'alice@example.com', password: 'demo-password-alice' }),
  });
  expect(login.status).toBe(200);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  return async (method, path) => {
    const response = await fetch(`${demo.url}${path}`, { method, headers: { cookie } });
    return { status: response.status, body: await response.json() };
  };
}

/** A visitor on the demo site with the chat open, listening to the SDK's conversationEnded event. */
async function visitorWithChat(): Promise<Page> {
  const page = await pages.open();
  await page.goto(`${demo.url}/`);
  await page.getByTestId('lc-launcher').click();
  await page.getByTestId('lc-panel').waitFor();
  await page.evaluate(() => {
    const page = window as unknown as { ended: string[]; LiveChat(...args: unknown[]): void };
    page.ended = [];
    page.LiveChat('on', 'conversationEnded', (event: { conversationId: string }) =>
      page.ended.push(event.conversationId),
    );
  });
  return page;
}

async function write(page: Page, text: string): Promise<void> {
  await page.getByTestId('lc-input').fill(text);
  await page.getByTestId('lc-input').press('Enter');
  await page
    .locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', { hasText: text })
    .waitFor();
}

const systemLine = (page: Page, text: string) =>
  page.locator('[data-testid="lc-message"][data-author="system"]', { hasText: text });

const stored = (page: Page, item: 'conversation' | 'visitor') =>
  page.evaluate((key) => localStorage.getItem(key), `livechat:demo:${item}`);

const endedEvents = (page: Page) => page.evaluate(() => (window as unknown as { ended: string[] }).ended);

/** The element with focus, inside the widget's shadow root. */
const focused = (page: Page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return element?.getAttribute('data-testid') ?? null;
  });

/** What the visitor reads in the log, in order: messages, system lines and separators (without times and marks). */
const transcript = (page: Page) =>
  page.locator('[data-testid="lc-message"] > p, [data-testid="lc-new-conversation"]').allTextContents();

it('the visitor ends the conversation from the header menu with the keyboard, and reads that they did', async () => {
  const page = await visitorWithChat();
  await write(page, 'Hello, I found what I needed, thanks!');
  const conversationId = await stored(page, 'conversation');
  expect(conversationId).toBeTruthy();

  const menu = page.getByTestId('lc-menu');
  await menu.focus();
  expect(await menu.getAttribute('aria-haspopup')).toBe('menu');
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  await page.keyboard.press('Enter');
  expect(await menu.getAttribute('aria-expanded')).toBe('true');
  await expect.poll(() => focused(page)).toBe('lc-end');
  // Escape closes the menu only, and gives focus back to its button.
  await page.keyboard.press('Escape');
  await expect.poll(() => focused(page)).toBe('lc-menu');
  expect(await menu.getAttribute('aria-expanded')).toBe('false');
  expect(await page.getByTestId('lc-end').isVisible()).toBe(false);
  expect(await page.getByTestId('lc-panel').isVisible()).toBe(true);

  await page.keyboard.press('Space');
  await expect.poll(() => focused(page)).toBe('lc-end');
  await page.keyboard.press('Enter');
  await page.getByTestId('lc-end-confirm').waitFor();
  expect(await page.getByTestId('lc-end-confirm').textContent()).toContain('End this conversation?');
  // "No" has focus, so a second Enter ends nothing; Escape withdraws the question.
  await expect.poll(() => focused(page)).toBe('lc-end-no');
  await page.keyboard.press('Escape');
  await expect.poll(() => focused(page)).toBe('lc-menu');
  expect(await page.getByTestId('lc-end-confirm').count()).toBe(0);
  expect(await page.getByTestId('lc-panel').isVisible()).toBe(true);
  await menu.click();
  await page.getByTestId('lc-end').click();
  await page.screenshot({ path: join(SCREENSHOTS, 'widget-end-confirm.png') });
  await page.getByTestId('lc-end-yes').click();

  await systemLine(page, 'You ended the conversation').waitFor();
  await expect.poll(() => endedEvents(page)).toEqual([conversationId]);
  expect(await stored(page, 'conversation')).toBeNull();
  // Nothing is left to end, but its transcript can still be sent by email; the log stays, and the composer writes.
  await menu.click();
  await page.getByTestId('lc-transcript').waitFor();
  expect(await page.getByTestId('lc-end').count()).toBe(0);
  await page.keyboard.press('Escape');
  expect(await transcript(page)).toEqual(['Hello, I found what I needed, thanks!', 'You ended the conversation']);
  expect(await page.getByTestId('lc-input').isEnabled()).toBe(true);
  await page.screenshot({ path: join(SCREENSHOTS, 'widget-ended.png') });
});

it('an operator resolves the conversation; the visitor reads it, then writes again into a new one', async () => {
  const api = await alice();
  const page = await visitorWithChat();
  await write(page, 'Do you ship the Borealis lamp to Lyon?');
  const first = (await stored(page, 'conversation')) ?? '';
  expect(first).not.toBe('');

  // The visitor is about to use the menu when Alice resolves.
  await page.getByTestId('lc-menu').focus();
  const resolved = await api<ConversationBody>('POST', `/api/operator/conversations/${first}/resolve`);
  expect(resolved.status).toBe(200);
  expect(resolved.body.conversation.status).toBe('closed');

  await systemLine(page, 'Alice resolved the conversation').waitFor();
  await expect.poll(() => endedEvents(page)).toEqual([first]);
  // The menu stays for the ended conversation's transcript, and so does the visitor's focus.
  await expect.poll(() => focused(page)).toBe('lc-menu');
  expect(await page.getByTestId('lc-end').count()).toBe(0);

  await write(page, 'One more thing: do you gift-wrap?');
  const second = await stored(page, 'conversation');
  expect(second).toBeTruthy();
  expect(second).not.toBe(first);
  // The divider's part loads on first use, so it may show a moment after the new message.
  await expect
    .poll(() => transcript(page))
    .toEqual([
      'Do you ship the Borealis lamp to Lyon?',
      'Alice resolved the conversation',
      'New conversation',
      'One more thing: do you gift-wrap?',
    ]);
  await page.getByTestId('lc-menu').waitFor();

  // The operator finds both: the new one open, the resolved one closed.
  const visitorId = await stored(page, 'visitor');
  const listed = await api<VisitorConversationList>('GET', `/api/operator/visitors/${visitorId}/conversations`);
  expect(listed.status).toBe(200);
  expect(listed.body.conversations.map((conversation) => [conversation.id, conversation.status])).toEqual([
    [second, 'open'],
    [first, 'closed'],
  ]);

  // A reload resumes the new conversation only.
  await page.reload();
  await page.getByTestId('lc-launcher').click();
  await page.locator('[data-testid="lc-message"]', { hasText: 'gift-wrap' }).waitFor();
  expect(await transcript(page)).toEqual(['One more thing: do you gift-wrap?']);
  await page.screenshot({ path: join(SCREENSHOTS, 'widget-resolved-new-conversation.png') });
});
