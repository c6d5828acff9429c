// The other commands from the operator UI: /help, /search_tickets with its "see all" link, /history and /leave.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

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

const results = (page: Page) =>
  page.locator('[data-testid="op-message"][data-visibility="operator"][data-author="command"]:not([data-pending])');

async function run(page: Page, command: string): Promise<string> {
  const before = await results(page).count();
  const composer = page.getByTestId('op-composer');
  await composer.fill(command);
  await composer.press('Escape');
  await composer.press('Enter');
  await expect.poll(() => results(page).count()).toBe(before + 1);
  return (await results(page).last().textContent()) ?? '';
}

it('/help, /search_tickets, /history and /leave answer the operator only', async () => {
  const site = await pages.open();
  await site.goto(`${demo.url}/`);
  await site.getByRole('link', { name: 'Pricing' }).first().click();
  await site.waitForURL('**/pricing');
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-input').fill('Is the Aurora desk lamp dimmable?');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: 'Aurora' }).waitFor();

  const ui = await pages.open();
  await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
  await ui.getByTestId('op-conversation').first().click();
  await ui.locator('[data-testid="op-message"]', { hasText: 'Aurora' }).waitFor();

  const help = await run(ui, '/help');
  for (const text of ['@', '/ticket', ':']) expect(help).toContain(text);

  const history = await run(ui, '/history');
  expect(history).toContain('Pricing');

  // Twelve tickets: the search shows ten and links to the rest.
  for (let n = 1; n <= 12; n++) await run(ui, `/ticket Aurora dimmer question ${n}`);
  const search = await run(ui, '/search_tickets aurora');
  expect(search).toContain('Aurora dimmer question 12');
  const seeAll = results(ui).last().getByTestId('op-command-link').last();
  expect(await seeAll.textContent()).toContain('12');
  const none = await run(ui, '/search_tickets zeppelin');
  expect(none.toLowerCase()).toContain('no tickets found');
  await ui.screenshot({ path: join(SCREENSHOTS, 'command-tools.png') });

  await results(ui).nth(-2).getByTestId('op-command-link').last().click();
  await ui.waitForURL(/#\/tickets\?q=aurora$/);
  await expect.poll(() => ui.getByTestId('op-ticket-row').count()).toBe(12);
  expect(await ui.getByTestId('op-ticket-search').inputValue()).toBe('aurora');
  await ui.screenshot({ path: join(SCREENSHOTS, 'ticket-search.png') });
  await ui.goBack();
  await results(ui).first().waitFor();

  // /leave: the conversation leaves Alice's list (back to the queue for others); the visitor is told nothing.
  await ui.getByTestId('op-composer').fill('/leave');
  await ui.getByTestId('op-composer').press('Escape');
  await ui.getByTestId('op-composer').press('Enter');
  await expect.poll(() => ui.getByTestId('op-conversation').count()).toBe(0);
  await ui.locator('[data-testid="op-message"][data-visibility="operator"]', { hasText: 'left your list' }).waitFor();
  await ui.screenshot({ path: join(SCREENSHOTS, 'command-leave.png') });

  const visitorText = (await site.getByTestId('lc-message').allTextContents()).join('\n');
  for (const secret of ['/help', '/history', 'Aurora dimmer', 'tickets', '/leave'])
    expect(visitorText).not.toContain(secret);
}, 120_000);
