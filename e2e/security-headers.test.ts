// The strict Content-Security-Policy in a real browser: the operator UI works under it, the widget works on the demo site.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Demo, launchBrowser, Pages, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser);
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
});

/** What Chromium reports when a policy blocks something: a console error naming the directive. */
function violations(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.push(message.text());
  });
  return seen;
}

it('signs an operator in and connects their socket under the strict policy', async () => {
  const ui = await pages.open();
  const blocked = violations(ui);
  const response = await ui.goto(`${demo.url}/operator/`);
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(response?.headers()['content-security-policy']).not.toContain('unsafe-inline');
  // signIn waits until the operator's WebSocket reports online.
  await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
  // The stylesheet applied: the page is not unstyled.
  const background = await ui.evaluate(() => getComputedStyle(document.body).fontFamily);
  expect(background).not.toBe('');
  expect(blocked).toEqual([]);
});

it('opens the widget on the demo site with nothing blocked', async () => {
  const site = await pages.open();
  const blocked = violations(site);
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await expect.poll(() => site.getByTestId('lc-panel').isVisible()).toBe(true);
  await site.getByTestId('lc-input').fill('Is the Borealis lamp in stock?');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: 'Borealis' }).waitFor();
  expect(blocked).toEqual([]);
});
