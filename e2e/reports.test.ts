// Settings → Reports and the pre-chat form in Chromium: an admin reads the figures of a conversation the test
// made, and sets a pre-chat form that the widget's config then carries.

import { join } from 'node:path';
import type { WidgetConfig } from '../packages/protocol/src/index.ts';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser, { width: 1280, height: 800 }, 'reduce');
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
});

/** The conversation's question, first answer and end, moved to known times: a test cannot wait minutes. */
function setTimings(conversationId: string, answerAfter: number, resolvedAfter: number): void {
  const db = demo.app.db;
  const start = Date.now() - 3600 * 1000;
  const at = (seconds: number) => new Date(start + seconds * 1000).toISOString();
  db.prepare('UPDATE conversations SET created_at = ?, closed_at = ? WHERE id = ?').run(
    at(0),
    at(resolvedAfter),
    conversationId,
  );
  db.prepare("UPDATE messages SET created_at = ? WHERE conversation_id = ? AND author_kind <> 'operator'").run(
    at(0),
    conversationId,
  );
  db.prepare("UPDATE messages SET created_at = ? WHERE conversation_id = ? AND author_kind = 'operator'").run(
    at(answerAfter),
    conversationId,
  );
}

it('an admin reads the figures of a rated conversation in Settings → Reports, for 7 and 30 days', async () => {
  const site = await pages.open();
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-input').fill('Where is my order?');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])').waitFor();

  const bob = await pages.open();
  await signIn(bob, demo.url, 'bob@example.com', 'demo-password-bob');
  const row = bob.locator('[data-testid="op-conversation"]', { hasText: 'Where is my order' });
  await row.click();
  await bob.getByTestId('op-composer').fill('It left this morning.');
  await bob.getByTestId('op-composer').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'left this morning' }).waitFor();
  await bob.getByTestId('op-resolve').click();
  await site.getByTestId('lc-rating-good').click();
  await site.getByTestId('lc-rating-send').click();
  await site.getByTestId('lc-rating-thanks').waitFor();
  const [conversation] = demo.app.db.prepare('SELECT id FROM conversations').all() as Array<{ id: string }>;
  if (!conversation) throw new Error('no conversation was made');
  setTimings(conversation.id, 80, 600);

  const admin = await pages.open();
  await signIn(admin, demo.url, 'alice@example.com', 'demo-password-alice');
  await admin.getByTestId('op-nav-settings').click();
  await admin.getByTestId('op-settings-nav-reports').click();
  const reports = admin.getByTestId('op-reports');
  const totals = reports.getByTestId('op-report-totals');
  await totals.waitFor();
  expect(await reports.getByTestId('op-reports-days-7').getAttribute('aria-pressed')).toBe('true');
  expect(await totals.locator('.report__total').allTextContents()).toEqual([
    'Conversations1',
    'Answered1 (100%)',
    'First response, median1 min 20 s',
    'First response, p901 min 20 s',
    'Resolution, median10 min',
    'Ratings1 good0 okay0 bad',
  ]);

  const bobRow = reports.getByTestId('op-report-operator').filter({ hasText: 'Bob' });
  expect(await bobRow.locator('th, td').allTextContents()).toEqual([
    'Bob',
    '1',
    '1',
    '1 min 20 s',
    '1 min 20 s',
    '10 min',
    '1 good0 okay0 bad',
  ]);
  const aliceCells = await reports
    .getByTestId('op-report-operator')
    .filter({ hasText: 'Alice' })
    .locator('td')
    .allInnerTexts();
  expect(aliceCells.slice(0, 3)).toEqual(['0', '0', '—']);
  expect(await reports.getByTestId('op-report-site').first().locator('td').first().textContent()).toBe('1');
  await admin.screenshot({ path: join(SCREENSHOTS, 'reports.png') });

  await reports.getByTestId('op-reports-days-30').click();
  await expect.poll(() => reports.getByTestId('op-reports-days-30').getAttribute('aria-pressed')).toBe('true');
  await expect.poll(() => totals.textContent()).toContain('First response, median1 min 20 s');
});

it('an admin sets a pre-chat form in Settings → Sites, and the widget config returns it', async () => {
  const admin = await pages.open();
  await signIn(admin, demo.url, 'alice@example.com', 'demo-password-alice');
  await admin.getByTestId('op-nav-settings').click();
  await admin.getByTestId('op-settings-nav-sites').click();
  const demoSite = admin.locator('[data-testid="op-site"][data-site-id="demo"]');
  await demoSite.getByTestId('op-site-edit').click();
  await demoSite.getByTestId('op-site-prechat-name').selectOption('required');
  await demoSite.getByTestId('op-site-prechat-email').selectOption('optional');
  await demoSite.getByTestId('op-site-save').click();
  await demoSite.getByTestId('op-site-saved').waitFor();
  await admin.screenshot({ path: join(SCREENSHOTS, 'reports-prechat-editor.png') });

  const origin = demo.url;
  const response = await fetch(`${demo.url}/api/sites/demo/widget`, { headers: { origin } });
  expect(response.status).toBe(200);
  const config = (await response.json()) as WidgetConfig;
  expect(config.widget.prechat).toEqual({ name: 'required', email: 'optional' });

  // The editor shows what is stored after a reload.
  await admin.reload();
  await admin.getByTestId('op-settings-nav-sites').click();
  await demoSite.getByTestId('op-site-edit').click();
  expect(await demoSite.getByTestId('op-site-prechat-name').inputValue()).toBe('required');
  expect(await demoSite.getByTestId('op-site-prechat-email').inputValue()).toBe('optional');
});
