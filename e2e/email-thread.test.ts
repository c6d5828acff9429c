// One thread across chat and email, in Chromium and over real SMTP both ways: a reply the visitor missed
// reaches them by email, its link opens the widget on that reply, and their answer by email reaches the operator live.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestSmtp, readMail, sendPlainMail, startSmtpServer } from '../packages/server/test/smtp.ts';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let smtp: TestSmtp;
let inboundPort: number;
let pages: Pages;

beforeAll(async () => {
  smtp = await startSmtpServer();
  demo = await startDemo({
    smtpUrl: smtp.url,
    inboundSmtpPort: 0,
    mailDomain: 'replies.example.test',
    replyEmailDelayMs: 1000,
    mailCheckMs: 200,
  });
  const inbound = demo.app.inboundMail?.address();
  if (!inbound) throw new Error('the reply receiver is not listening');
  inboundPort = inbound.port;
  browser = await launchBrowser();
  pages = new Pages(browser, { width: 1280, height: 900 }, 'reduce');
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
  await smtp?.close();
});

it('a missed reply goes by email, its link opens the chat on it, and the answer by email reaches the operator live', async () => {
  // Nobody is online: the visitor sees the away state, leaves an email, writes, and closes the tab.
  const site = await pages.open();
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-away').waitFor();
  await site.getByTestId('lc-email').fill('grace@example.com');
  await site.getByTestId('lc-email-save').click();
  await site.getByTestId('lc-email-saved').waitFor();
  await site.getByTestId('lc-input').fill('Do you ship to Canada?');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])').waitFor();
  await site.close();

  // Later an operator signs in and answers; nobody reads it in the widget.
  const ui = await pages.open();
  await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
  const row = ui.locator('[data-testid="op-conversation"]', { hasText: 'ship to Canada' });
  await row.waitFor();
  await row.click();
  await ui.getByTestId('op-composer').fill('Yes, in 5 to 7 days.');
  await ui.getByTestId('op-composer').press('Enter');
  await ui.getByTestId('op-composer').fill('Shipping is free above 50 CAD.');
  await ui.getByTestId('op-composer').press('Enter');

  // Both replies arrive in one email from the site, with a link and a reply address.
  await expect
    .poll(() => smtp.received.filter((mail) => mail.to.includes('grace@example.com')).length, {
      timeout: 10_000,
    })
    .toBe(1);
  const raw = smtp.received.find((received) => received.to.includes('grace@example.com'))?.raw ?? '';
  const { headers, text } = readMail(raw);
  const mail = { from: headers.get('from'), replyTo: headers.get('reply-to'), subject: headers.get('subject'), text };
  expect(mail.from).toMatch(/Demo shop/);
  expect(mail.text).toContain('in 5 to 7 days');
  expect(mail.text).toContain('free above 50 CAD');
  const link = mail.text.match(/https?:\/\/\S+#livechat=[a-z2-7]+/)?.[0];
  if (!link) throw new Error(`no link in the email:\n${mail.text}`);
  expect(mail.replyTo).toMatch(/^reply\+[a-z2-7]+@replies\.example\.test$/);

  // The link opens the widget on that conversation, on another device (a fresh browser context).
  const phone = await pages.open({ width: 390, height: 844 });
  await phone.goto(link);
  await phone.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'free above 50 CAD' }).waitFor();
  expect(phone.url()).not.toContain('livechat=');
  await phone.screenshot({ path: join(SCREENSHOTS, 'email-link-opened.png') });

  // The visitor answers by email, quoting the reply; the operator sees only the answer, live.
  await sendPlainMail(inboundPort, {
    from: 'Grace <grace@example.com>',
    to: mail.replyTo ?? '',
    subject: `Re: ${mail.subject}`,
    text: 'Great, I will order tonight.\n\nOn Sun, Dec 6, 2026 at 10:00, Demo shop wrote:\n> Yes, in 5 to 7 days.\n',
  });
  const answer = ui.locator('[data-testid="op-message"]', { hasText: 'I will order tonight' });
  await answer.waitFor();
  expect(await answer.textContent()).not.toContain('Demo shop wrote');

  // The operator resolves; the visitor rates on the page the link opened; the operator sees the rating.
  await ui.getByTestId('op-resolve').click();
  await phone.getByTestId('lc-rating').waitFor();
  await phone.getByTestId('lc-rating-good').click();
  await phone.getByTestId('lc-rating-send').click();
  await phone.getByTestId('lc-rating-thanks').waitFor();
  await expect.poll(() => ui.getByTestId('op-rating').first().textContent()).toMatch(/good/i);
  await expect.poll(() => ui.getByTestId('op-view-resolved').textContent()).toMatch(/1/);
  await ui.screenshot({ path: join(SCREENSHOTS, 'email-thread-operator.png') });
});
