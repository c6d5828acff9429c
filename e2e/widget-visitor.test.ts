// The widget as visitors expect it, in Chromium: the launcher that closes, times and delivered marks, the greeting
// kept, a preview of an unread reply beside the closed launcher, the visitor's reads, the pre-chat form's checks,
// the transcript form, and a reply email's link.

import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Demo, launchBrowser, Pages, signIn, startDemo } from './harness.ts';

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

async function write(page: Page, text: string): Promise<void> {
  await page.getByTestId('lc-input').fill(text);
  await page.getByTestId('lc-input').press('Enter');
  await page
    .locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', { hasText: text })
    .waitFor();
}

/** Which of the launcher's two icons shows: the chat bubble, or the cross while the panel is open. */
const launcherIcon = (page: Page) =>
  page.getByTestId('lc-launcher').evaluate((button) => {
    const shown = [...button.querySelectorAll('svg')].filter((svg) => getComputedStyle(svg).display !== 'none');
    return shown.map((svg) => (svg.classList.contains('x') ? 'close' : 'chat')).join();
  });

it('turns the launcher into a close icon while open; shows times and delivered marks; keeps the greeting first', async () => {
  const page = await pages.open();
  await page.goto(`${demo.url}/`);
  const launcher = page.getByTestId('lc-launcher');
  await launcher.waitFor();
  expect(await launcherIcon(page)).toBe('chat');
  await launcher.click();
  await page.getByTestId('lc-panel').waitFor();
  expect(await launcherIcon(page)).toBe('close');
  expect(await launcher.getAttribute('aria-expanded')).toBe('true');

  await write(page, 'Is the Borealis lamp dimmable?');
  const mine = page.locator('[data-testid="lc-message"][data-author="visitor"]').last();
  const time = mine.getByTestId('lc-time');
  expect(await time.textContent()).toMatch(/^\d{1,2}:\d{2}/);
  expect(Date.parse((await time.getAttribute('datetime')) ?? '')).toBeGreaterThan(Date.now() - 60_000);
  const mark = mine.getByTestId('lc-mark');
  expect(await mark.getAttribute('data-state')).toBe('delivered');
  expect(await mark.getAttribute('aria-label')).toBe('Delivered');
  // The greeting is still the first bubble once the conversation has begun.
  const first = page.locator('[data-testid="lc-panel"] [role=log] li').first();
  expect(await first.getAttribute('data-testid')).toBe('lc-greeting');

  await launcher.click();
  await expect.poll(() => page.getByTestId('lc-panel').isVisible()).toBe(false);
  expect(await launcherIcon(page)).toBe('chat');
});

/** The seqs of the visitor's conversation.read frames, as the page sent them. */
function readFrames(page: Page): number[] {
  const reads: number[] = [];
  page.on('websocket', (socket) =>
    socket.on('framesent', ({ payload }) => {
      const frame = JSON.parse(String(payload)) as { type: string; seq?: number };
      if (frame.type === 'conversation.read' && frame.seq !== undefined) reads.push(frame.seq);
    }),
  );
  return reads;
}

it('previews an unread reply beside the closed launcher: a click opens the chat, the cross dismisses it', async () => {
  const visitor = await pages.open();
  const reads = readFrames(visitor);
  await visitor.goto(`${demo.url}/`);
  await visitor.getByTestId('lc-launcher').click();
  await write(visitor, 'Do you deliver on Saturdays?');
  await visitor.getByTestId('lc-close').click();

  const operator = await pages.open();
  await signIn(operator, demo.url, 'alice@example.com', 'demo-password-alice');
  await operator.locator('[data-testid="op-conversation"]', { hasText: 'deliver on Saturdays' }).click();
  await operator.getByTestId('op-composer').fill('Yes, until noon.');
  await operator.getByTestId('op-composer').press('Enter');

  const preview = visitor.getByTestId('lc-preview');
  await preview.waitFor();
  expect(await preview.textContent()).toContain('Yes, until noon.');
  expect(await visitor.getByTestId('lc-unread').textContent()).toBe('1');
  await visitor.getByTestId('lc-preview-close').click();
  await expect.poll(() => preview.count()).toBe(0);
  // Dismissing the preview does not mark the reply read.
  expect(await visitor.getByTestId('lc-unread').textContent()).toBe('1');

  await operator.getByTestId('op-composer').fill('And on Sundays in December.');
  await operator.getByTestId('op-composer').press('Enter');
  await expect.poll(async () => (await preview.count()) && preview.textContent()).toContain('Sundays in December');
  expect(await visitor.getByTestId('lc-unread').textContent()).toBe('2');
  // Replies that arrived while the panel was closed were not reported read.
  expect(reads).toEqual([]);
  await preview.getByRole('button').first().click();
  await visitor.getByTestId('lc-panel').waitFor();
  await expect.poll(() => preview.count()).toBe(0);
  expect(await visitor.getByTestId('lc-unread').isVisible()).toBe(false);
  const reply = visitor.locator('[data-testid="lc-message"][data-author="operator"]').last();
  expect(await reply.getByTestId('lc-avatar').textContent()).toBe('A');
  // Once shown, the visitor has read up to the last message: the server hears it once.
  const lastSeq = await visitor.evaluate(() => {
    const raw = localStorage.getItem('livechat:demo:read') ?? '';
    return Number(raw.split(' ')[1]);
  });
  expect(lastSeq).toBeGreaterThan(2);
  await expect.poll(() => reads).toEqual([lastSeq]);
  expect(await reply.getByTestId('lc-time').textContent()).toMatch(/\d{1,2}:\d{2}/);
});

it('asks the pre-chat form before the first message: required fields, a malformed email refused in the widget', async () => {
  const page = await pages.open();
  // The page's settings stand in for the site's (Settings → Sites), which the widget reads the same way.
  await page.addInitScript(() => {
    (window as unknown as { LiveChatSettings: unknown }).LiveChatSettings = {
      prechat: { name: 'required', email: 'optional' },
    };
  });
  const contacts: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/contact') && request.method() === 'POST') contacts.push(request.postData() ?? '');
  });
  await page.goto(`${demo.url}/`);
  await page.getByTestId('lc-launcher').click();
  const form = page.getByTestId('lc-prechat');
  await form.waitFor();
  expect(await page.getByTestId('lc-input').count()).toBe(0);
  expect(await form.textContent()).toContain('(optional)');

  await page.getByTestId('lc-prechat-start').click();
  expect(await page.getByTestId('lc-prechat-name-error').textContent()).toBe('Please fill in this field.');
  await page.getByTestId('lc-prechat-name').fill('Grace Hopper');
  await page.getByTestId('lc-prechat-email').fill('grace@example');
  await page.getByTestId('lc-prechat-start').click();
  expect(await page.getByTestId('lc-prechat-email-error').textContent()).toBe('This email address is not valid.');
  expect(await page.getByTestId('lc-prechat-name-error').count()).toBe(0);
  expect(contacts).toEqual([]);

  await page.getByTestId('lc-prechat-email').fill('grace@example.com');
  await page.getByTestId('lc-prechat-start').click();
  await expect.poll(() => contacts).toHaveLength(1);
  expect(JSON.parse(contacts[0] ?? '')).toEqual({ name: 'Grace Hopper', email: 'grace@example.com' });
});

it('lets a visitor leave an optional pre-chat form empty, and does not ask again', async () => {
  const page = await pages.open();
  await page.addInitScript(() => {
    (window as unknown as { LiveChatSettings: unknown }).LiveChatSettings = {
      prechat: { name: 'off', email: 'optional' },
    };
  });
  const contacts: string[] = [];
  page.on('request', (request) => request.url().endsWith('/contact') && contacts.push(request.method()));
  await page.goto(`${demo.url}/`);
  await page.getByTestId('lc-launcher').click();
  await page.getByTestId('lc-prechat-email').waitFor();
  expect(await page.getByTestId('lc-prechat-name').count()).toBe(0);
  await page.getByTestId('lc-prechat-start').click();
  await page.getByTestId('lc-input').waitFor();
  await expect.poll(() => page.getByTestId('lc-prechat').count()).toBe(0);
  // Nothing to send: the server hears nothing, and the composer has the focus.
  expect(contacts).toEqual([]);
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.tagName))
    .toBe('TEXTAREA');

  await page.reload();
  await page.getByTestId('lc-launcher').click();
  await page.getByTestId('lc-input').waitFor();
  expect(await page.getByTestId('lc-prechat').count()).toBe(0);
});

it('offers the transcript from the header menu, with the email left in the ask, and refuses a malformed one', async () => {
  // Nobody is online in the demo until an operator signs in: the widget asks for an email at once.
  const page = await pages.open();
  await page.goto(`${demo.url}/`);
  await page.getByTestId('lc-launcher').click();
  await page.getByTestId('lc-email').fill('ada@example.com');
  await page.getByTestId('lc-email-save').click();
  await page.getByTestId('lc-email-saved').waitFor();
  await write(page, 'Can I have this in writing?');

  await page.getByTestId('lc-menu').click();
  await page.getByTestId('lc-transcript').click();
  const email = page.getByTestId('lc-transcript-email');
  await email.waitFor();
  expect(await email.inputValue()).toBe('ada@example.com');
  await email.fill('ada@example');
  await page.getByTestId('lc-transcript-send').click();
  expect(await page.getByTestId('lc-transcript-error').textContent()).toBe('This email address is not valid.');
});

it('follows a reply email’s link as soon as the core loads, and takes the fragment out of the address', async () => {
  const page = await pages.open();
  const links: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/conversation-link')) links.push(request.postData() ?? '');
  });
  await page.goto(`${demo.url}/#livechat=abcdefghijklmnop234567`);
  await page.getByTestId('lc-panel').waitFor();
  expect(JSON.parse(links[0] ?? '')).toEqual({ token: 'abcdefghijklmnop234567' });
  expect(await page.evaluate(() => location.hash)).toBe('');
});
