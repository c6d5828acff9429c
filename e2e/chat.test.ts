// A visitor on the demo site chats with Alice in the operator UI, in headless Chromium.

import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Demo, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

it('a visitor writes from the demo site, Alice answers from the operator UI', async () => {
  const visitorContext = await browser.newContext();
  const site = await visitorContext.newPage();
  // A person reads a page for a moment before moving on: wait until its view is recorded.
  const homeRecorded = site.waitForResponse((response) => response.url().endsWith('/page-views'));
  await site.goto(`${demo.url}/`);
  await homeRecorded;
  await site.getByRole('link', { name: 'Pricing' }).first().click();
  await site.waitForURL('**/pricing');
  await site.getByTestId('lc-launcher').click();
  await expect.poll(() => site.getByTestId('lc-panel').isVisible()).toBe(true);
  await site.getByTestId('lc-input').fill('Hello! Do you ship the Borealis lamp to Lyon?');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: 'Borealis lamp' }).waitFor();

  const operatorContext = await browser.newContext();
  const ui = await operatorContext.newPage();
  await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
  const conversation = ui.getByTestId('op-conversation').first();
  await conversation.waitFor();
  await conversation.click();
  await ui.locator('[data-testid="op-message"]', { hasText: 'Borealis lamp' }).waitFor();
  // The side panel shows the pages the visitor has been on, the latest first.
  const pages = ui.getByTestId('op-page-view');
  await expect.poll(() => pages.count()).toBeGreaterThanOrEqual(2);
  await expect.poll(() => pages.first().textContent()).toContain('Pricing');

  await ui.getByTestId('op-composer').fill('Yes, we ship to Lyon within 3 days.');
  await ui.getByTestId('op-composer').press('Enter');
  await ui.locator('[data-testid="op-message"]', { hasText: 'within 3 days' }).waitFor();

  const answer = site.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'within 3 days' });
  await answer.waitFor();
  expect(await answer.textContent()).toContain('Yes, we ship to Lyon within 3 days.');

  await site.screenshot({ path: join(SCREENSHOTS, 'visitor-chat.png') });
  await ui.screenshot({ path: join(SCREENSHOTS, 'operator-chat.png') });
  await visitorContext.close();
  await operatorContext.close();
});
