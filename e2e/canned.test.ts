// Canned responses and @mentions in the operator UI: `:` suggestions, `:sorry` + Enter, mention by email and by inbox.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestSmtp, startSmtpServer } from '../packages/server/test/smtp.ts';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let smtp: TestSmtp;
let pages: Pages;

beforeAll(async () => {
  // Mention emails go over SMTP to a real server on loopback, which keeps what it receives.
  smtp = await startSmtpServer();
  demo = await startDemo({ smtpUrl: smtp.url });
  browser = await launchBrowser();
  pages = new Pages(browser, { width: 1280, height: 800 });
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
  await smtp?.close();
});

const suggestions = (page: Page) => page.getByTestId('op-suggestion');
const composerValue = (page: Page) => page.getByTestId('op-composer').inputValue();

it('canned responses are suggested and inserted; @mentions reach Bob by email and Alice in her inbox', async () => {
  // A visitor writes before any operator is online: the conversation waits in the queue all see.
  const site = await pages.open();
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-input').fill('My lamp arrived broken.');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: 'arrived broken' }).waitFor();

  const alice = await pages.open();
  await signIn(alice, demo.url, 'alice@example.com', 'demo-password-alice');
  await alice.getByTestId('op-conversation').first().click();
  await alice.locator('[data-testid="op-message"]', { hasText: 'arrived broken' }).waitFor();
  const conversationUrl = alice.url();
  const composer = alice.getByTestId('op-composer');
  const messagesBefore = await alice.getByTestId('op-message').count();

  // `:` alone lists every canned response, the first row pre-selected.
  await composer.click();
  await composer.pressSequentially(':');
  await alice.getByTestId('op-suggestions').waitFor();
  expect(await suggestions(alice).count()).toBeGreaterThanOrEqual(3);
  const rows = await suggestions(alice).allTextContents();
  for (const shortcut of [':hello', ':sorry', ':bye']) expect(rows.join('\n')).toContain(shortcut);
  expect(await suggestions(alice).first().getAttribute('aria-selected')).toBe('true');
  await alice.screenshot({ path: join(SCREENSHOTS, 'canned-suggestions.png') });

  // Arrow keys move the selection; Esc closes the list.
  await composer.press('ArrowDown');
  expect(await suggestions(alice).nth(1).getAttribute('aria-selected')).toBe('true');
  await composer.press('Escape');
  await alice.getByTestId('op-suggestions').waitFor({ state: 'detached' });
  await composer.fill('');

  // `:sorry` + Enter inserts the text (and a space) without sending anything.
  await composer.pressSequentially(':sorry');
  await expect.poll(() => suggestions(alice).first().textContent()).toContain(':sorry');
  await composer.press('Enter');
  expect(await composerValue(alice)).toBe('I am sorry to hear that. ');
  expect(await alice.getByTestId('op-message').count()).toBe(messagesBefore);

  // The text stays editable, and a second canned response can join the first.
  await composer.pressSequentially('We will replace it. :bye ');
  expect(await composerValue(alice)).toBe(
    'I am sorry to hear that. We will replace it. Thanks for your feedback. Goodbye! ',
  );
  await composer.press('Enter');
  await alice
    .locator('[data-testid="op-message"][data-visibility="public"]', { hasText: 'We will replace it.' })
    .waitFor();
  await site
    .locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'I am sorry to hear that.' })
    .waitFor();

  // `@bob` suggests Bob; choosing inserts `@Bob `; sending notifies him by email (his preference).
  await composer.pressSequentially('@bo');
  await expect.poll(() => suggestions(alice).first().textContent()).toContain('Bob');
  await alice.screenshot({ path: join(SCREENSHOTS, 'mention-suggestions.png') });
  await composer.press('Enter');
  expect(await composerValue(alice)).toBe('@Bob ');
  await alice.getByTestId('op-note-toggle').check();
  await composer.pressSequentially('can you check the replacement stock?');
  await composer.press('Enter');
  await alice
    .locator('[data-testid="op-message"][data-visibility="operator"]', { hasText: 'replacement stock' })
    .waitFor();

  // Bob prefers email: the SMTP server receives one for him, with the message and a link to it.
  await expect.poll(() => smtp.received.filter((mail) => mail.to.includes('bob@example.com')).length).toBe(1);
  const email = smtp.received.find((mail) => mail.to.includes('bob@example.com'))?.raw ?? '';
  expect(email).toContain('replacement stock');
  expect(email).toContain('Alice');
  expect(email.replace(/=\r?\n/g, '')).toContain(`/operator/#/conversations/${conversationUrl.split('/').pop()}`);
  await alice.goto(conversationUrl);
  await alice.locator('[data-testid="op-message"]', { hasText: 'replacement stock' }).waitFor();
  expect(await alice.getByTestId('op-inbox-count').textContent()).toBe('0');

  // Bob, mentioned, opens the conversation by its link and mentions Alice back.
  const bob = await pages.open();
  await signIn(bob, demo.url, 'bob@example.com', 'demo-password-bob');
  await bob.goto(conversationUrl);
  await bob.locator('[data-testid="op-message"]', { hasText: 'replacement stock' }).waitFor();
  const bobComposer = bob.getByTestId('op-composer');
  await bobComposer.click();
  await bobComposer.pressSequentially('@ali');
  await bob.getByTestId('op-suggestions').waitFor();
  await suggestions(bob).first().click();
  expect(await composerValue(bob)).toBe('@Alice ');
  await bob.getByTestId('op-note-toggle').check();
  await bobComposer.pressSequentially('stock is fine, go ahead.');
  await bobComposer.press('Enter');

  // Alice's inbox count rises live, and the notification leads back to the conversation.
  await expect.poll(() => alice.getByTestId('op-inbox-count').textContent()).toBe('1');
  await alice.getByTestId('op-nav-conversations').click();
  await alice.getByTestId('op-inbox').click();
  const notification = alice.getByTestId('op-notification').first();
  await notification.waitFor();
  expect(await notification.textContent()).toContain('Bob');
  expect(await notification.textContent()).toContain('stock is fine');
  await alice.screenshot({ path: join(SCREENSHOTS, 'inbox.png') });
  await notification.click();
  await alice.waitForURL(conversationUrl);
  await expect.poll(() => alice.getByTestId('op-inbox-count').textContent()).toBe('0');
  await alice.locator('[data-testid="op-message"]', { hasText: 'stock is fine' }).waitFor();

  // The visitor saw the public reply only: no notes, no mentions.
  const visitorText = (await site.getByTestId('lc-message').allTextContents()).join('\n');
  expect(visitorText).not.toContain('replacement stock');
  expect(visitorText).not.toContain('stock is fine');
}, 120_000);
