// Operator commands in the operator UI: `/` suggestions, /ticket and /lead, their record pages, and a visitor who sees none of it.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './examples-support.ts';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser, { width: 1280, height: 800 });
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
});

const suggestions = (page: Page) => page.getByTestId('op-suggestion');
const commandResult = (page: Page, text: string) =>
  page.locator('[data-testid="op-message"][data-visibility="operator"][data-author="command"]', { hasText: text });

it('an operator files a ticket and a lead from the chat, opens them, and the visitor sees nothing of it', async () => {
  const site = await pages.open();
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-input').fill('The Borealis lamp I got flickers all the time.');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: 'flickers' }).waitFor();

  const ui = await pages.open();
  await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
  await ui.getByTestId('op-conversation').first().click();
  await ui.locator('[data-testid="op-message"]', { hasText: 'flickers' }).waitFor();
  await ui.getByTestId('op-composer').fill('Sorry about that, I am filing it for our support team.');
  await ui.getByTestId('op-composer').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'filing it' }).waitFor();
  const conversationUrl = ui.url();

  // `/` lists the available commands; typing filters them; choosing inserts `/ticket ` without running it.
  const composer = ui.getByTestId('op-composer');
  await composer.click();
  await composer.pressSequentially('/');
  await ui.getByTestId('op-suggestions').waitFor();
  const names = (await suggestions(ui).allTextContents()).join('\n');
  for (const command of ['/help', '/ticket', '/search_tickets', '/history', '/lead', '/leave'])
    expect(names).toContain(command);
  await ui.screenshot({ path: join(SCREENSHOTS, 'command-suggestions.png') });
  expect(await seriousViolations(ui)).toEqual([]);
  await composer.pressSequentially('tic');
  await expect.poll(() => suggestions(ui).first().textContent()).toContain('/ticket');
  await composer.press('Enter');
  expect(await composer.inputValue()).toBe('/ticket ');
  expect(await commandResult(ui, '').count()).toBe(0);

  // Sending runs it: an operator-only answer with a link to the new ticket.
  await composer.pressSequentially('Flickering Borealis lamp');
  await composer.press('Enter');
  const ticketLink = commandResult(ui, 'Flickering Borealis lamp').getByTestId('op-command-link');
  await ticketLink.waitFor();
  expect(await ticketLink.textContent()).toMatch(/^Flickering Borealis lamp \(#\d+\)$/);
  expect(await composer.inputValue()).toBe('');

  await composer.pressSequentially('/lead Wholesale interest in Borealis');
  await composer.press('Enter');
  const leadLink = commandResult(ui, 'Wholesale interest in Borealis').getByTestId('op-command-link');
  await leadLink.waitFor();

  // An unknown command is explained to the operator only.
  await composer.pressSequentially('/frobnicate now');
  await composer.press('Enter');
  await ui.locator('[data-testid="op-message"][data-visibility="operator"]', { hasText: 'frobnicate' }).waitFor();
  await ui.screenshot({ path: join(SCREENSHOTS, 'command-results.png') });
  expect(await seriousViolations(ui)).toEqual([]);

  // Results are kept for the operator: a reload shows them again.
  await ui.reload();
  await commandResult(ui, 'Flickering Borealis lamp').waitFor();
  await commandResult(ui, 'Wholesale interest in Borealis').waitFor();

  // The link opens the ticket page in the app, transcript in the description.
  await commandResult(ui, 'Flickering Borealis lamp').getByTestId('op-command-link').click();
  await ui.waitForURL(/#\/tickets\/\d+$/);
  const ticket = ui.getByTestId('op-ticket');
  await ticket.waitFor();
  expect(await ticket.textContent()).toContain('Flickering Borealis lamp');
  const description = await ui.getByTestId('op-ticket-description').textContent();
  expect(description).toContain('flickers all the time');
  expect(description).toContain('filing it');
  expect(description).not.toContain('/ticket');
  await ui.screenshot({ path: join(SCREENSHOTS, 'ticket-page.png') });
  expect(await seriousViolations(ui)).toEqual([]);

  await ui.getByTestId('op-nav-tickets').click();
  await ui.getByTestId('op-ticket-row').first().waitFor();
  expect(await ui.getByTestId('op-ticket-row').first().textContent()).toContain('Flickering Borealis lamp');

  await ui.goto(conversationUrl);
  await commandResult(ui, 'Wholesale interest in Borealis').getByTestId('op-command-link').click();
  await ui.waitForURL(/#\/leads\/.+$/);
  const lead = ui.getByTestId('op-lead');
  await lead.waitFor();
  expect(await lead.textContent()).toContain('Wholesale interest in Borealis');
  expect(await lead.textContent()).toContain('Livechat');
  expect(await ui.getByTestId('op-lead-notes').textContent()).toContain('flickers all the time');
  await ui.screenshot({ path: join(SCREENSHOTS, 'lead-page.png') });

  // The visitor's widget, even after a reload, shows the conversation and nothing of the commands.
  await site.reload();
  await site.getByTestId('lc-launcher').click();
  await site.locator('[data-testid="lc-message"]', { hasText: 'filing it' }).waitFor();
  const visitorText = (await site.getByTestId('lc-message').allTextContents()).join('\n');
  for (const secret of ['/ticket', '/lead', 'Flickering Borealis lamp', 'Wholesale interest', 'frobnicate', '(#']) {
    expect(visitorText).not.toContain(secret);
  }
  await site.screenshot({ path: join(SCREENSHOTS, 'commands-visitor.png') });
}, 120_000);
