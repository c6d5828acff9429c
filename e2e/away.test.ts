// When nobody answers, in Chromium: the away state, an email left, an answer later, a resolve, and a rating the operator sees.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser, { width: 1280, height: 900 }, 'reduce');
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
});

it('with nobody online the widget says so and asks for an email; the answer comes later, and the rating reaches the operator', async () => {
  const site = await pages.open();
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-away').waitFor();
  await site.getByTestId('lc-email').fill('not an email');
  await site.getByTestId('lc-email-save').click();
  expect(await site.getByTestId('lc-email').isVisible()).toBe(true);
  await site.getByTestId('lc-email').fill('grace@example.com');
  await site.getByTestId('lc-email-save').click();
  await site.getByTestId('lc-email-saved').waitFor();
  await site.getByTestId('lc-input').fill('Are you open on Sunday?');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])').waitFor();
  await site.screenshot({ path: join(SCREENSHOTS, 'away-visitor.png') });

  const ui = await pages.open();
  await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
  const row = ui.locator('[data-testid="op-conversation"]', { hasText: 'open on Sunday' });
  await row.waitFor();
  await row.click();
  await ui.getByText('grace@example.com').first().waitFor();
  await ui.getByTestId('op-composer').fill('Yes, from 9 to 12.');
  await ui.getByTestId('op-composer').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'from 9 to 12' }).waitFor();

  await ui.getByTestId('op-resolve').click();
  await site.getByTestId('lc-rating').waitFor();
  await site.getByTestId('lc-rating-good').click();
  await site.getByTestId('lc-rating-send').click();
  await site.getByTestId('lc-rating-thanks').waitFor();
  await expect.poll(() => ui.getByTestId('op-rating').first().textContent()).toMatch(/good/i);
  // The view counts follow: nothing left in Mine, one in Resolved.
  await expect.poll(() => ui.getByTestId('op-view-resolved').textContent()).toMatch(/1/);
  await expect.poll(() => ui.getByTestId('op-view-mine').textContent()).toMatch(/0/);
  await ui.screenshot({ path: join(SCREENSHOTS, 'away-rating.png') });
});
