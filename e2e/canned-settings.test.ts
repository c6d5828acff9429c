// The settings page: canned responses managed with inline validation errors and live for every operator,
// the operator's own notification preference, and the admin's module switch changing the commands offered.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './examples-support.ts';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser);
});

// Each test starts with nobody signed in: an operator left online would be given the new conversations.
afterEach(async () => {
  await pages.closeAll();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

async function operator(email: string, password: string): Promise<Page> {
  const page = await pages.open();
  await signIn(page, demo.url, email, password);
  return page;
}

const row = (page: Page, shortcut: string) =>
  page.locator(`[data-testid="op-canned-row"][data-shortcut="${shortcut}"]`);

async function fillCannedForm(page: Page, shortcut: string, substitution: string): Promise<void> {
  const form = page.getByTestId('op-canned-form');
  await form.getByTestId('op-canned-shortcut').fill(shortcut);
  await form.getByTestId('op-canned-substitution').fill(substitution);
  await form.getByTestId('op-canned-save').click();
}

it('canned responses are managed in settings, with clear errors, and reach other operators live', async () => {
  const alice = await operator('alice@example.com', 'demo-password-alice');
  const bob = await operator('bob@example.com', 'demo-password-bob');
  await alice.getByTestId('op-nav-settings').click();
  await bob.getByTestId('op-nav-settings').click();
  await row(bob, 'sorry').waitFor();

  // A taken shortcut and one with a space are refused with the server's reason, inline.
  await alice.getByTestId('op-canned-new').click();
  await fillCannedForm(alice, 'sorry', 'Again sorry.');
  await alice.getByTestId('op-canned-error').waitFor();
  expect((await alice.getByTestId('op-canned-error').textContent())?.toLowerCase()).toContain('sorry');
  await fillCannedForm(alice, 'two words', 'Nope.');
  await expect.poll(() => alice.getByTestId('op-canned-error').textContent()).not.toContain('Again');
  await alice.screenshot({ path: join(SCREENSHOTS, 'canned-settings-error.png') });

  // A valid one is saved and appears in Bob's settings at once.
  await fillCannedForm(alice, 'ship', 'Hi {{visitor.name|there}}, we ship within 3 days.');
  await row(alice, 'ship').waitFor();
  await row(bob, 'ship').waitFor();
  expect(await alice.getByTestId('op-canned-form').count()).toBe(0);

  // Editing shows up live too.
  await row(alice, 'ship').getByTestId('op-canned-edit').click();
  await alice.getByTestId('op-canned-substitution').fill('Hi {{visitor.name|there}}, we ship within 2 days.');
  await alice.getByTestId('op-canned-save').click();
  await expect.poll(() => row(bob, 'ship').textContent()).toContain('within 2 days');

  // Search narrows the list.
  await bob.getByTestId('op-canned-search').fill('2 days');
  await expect.poll(() => bob.getByTestId('op-canned-row').count()).toBe(1);
  await bob.getByTestId('op-canned-search').fill('');

  // Deleting removes it everywhere.
  await row(alice, 'ship').getByTestId('op-canned-delete').click();
  await row(alice, 'ship').getByTestId('op-canned-confirm-delete').click();
  await row(alice, 'ship').waitFor({ state: 'detached' });
  await row(bob, 'ship').waitFor({ state: 'detached' });

  // Bob's own notification preference, kept across a reload.
  expect(await bob.getByTestId('op-notify-email').isChecked()).toBe(true);
  await bob.getByTestId('op-notify-inbox').check();
  await bob.getByText('Saved.').waitFor();
  await bob.reload();
  await bob.getByTestId('op-notify-inbox').waitFor();
  expect(await bob.getByTestId('op-notify-inbox').isChecked()).toBe(true);
  // Only admins see modules, teams and the outbox.
  expect(await bob.getByTestId('op-module-crm').count()).toBe(0);
  await alice.screenshot({ path: join(SCREENSHOTS, 'settings-admin.png'), fullPage: true });
  expect(await seriousViolations(alice)).toEqual([]);
}, 120_000);

it('switching the CRM module off takes /lead out of the command suggestions live', async () => {
  const alice = await operator('alice@example.com', 'demo-password-alice');
  const visitor = await pages.open();
  await visitor.goto(`${demo.url}/`);
  await visitor.getByTestId('lc-launcher').click();
  await visitor.getByTestId('lc-input').fill('Hello there');
  await visitor.getByTestId('lc-input').press('Enter');
  await alice.getByTestId('op-conversation').first().click();
  const composer = alice.getByTestId('op-composer');
  const offered = async () => {
    await composer.fill('');
    await composer.pressSequentially('/le');
    await alice.getByTestId('op-suggestions').waitFor();
    return (await alice.getByTestId('op-suggestion').allTextContents()).join('\n');
  };
  expect(await offered()).toContain('/lead');

  const settings = await alice.context().newPage();
  await settings.goto(`${demo.url}/operator/#/settings`);
  await settings.getByTestId('op-module-crm').waitFor();
  expect(await settings.getByTestId('op-module-crm').isChecked()).toBe(true);
  await settings.getByTestId('op-module-crm').uncheck();
  await expect.poll(() => settings.getByTestId('op-module-crm').isChecked()).toBe(false);

  await expect.poll(offered).not.toContain('/lead');
  expect(await offered()).toContain('/leave');
  await settings.getByTestId('op-module-crm').check();
  await expect.poll(offered).toContain('/lead');
}, 120_000);
