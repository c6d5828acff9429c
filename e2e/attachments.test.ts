// Files both ways in real browsers: a visitor's screenshot reaches the operator, the operator's PDF reaches
// the visitor, and a file in an internal note stays out of the visitor's reach by every way a visitor has.

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
  pages = new Pages(browser, { width: 1280, height: 900 }, 'reduce');
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
});

/** A real PNG of a screen-like picture, drawn by the browser itself. */
async function screenshotPng(page: Page): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 300;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d context');
    context.fillStyle = '#f4f4f5';
    context.fillRect(0, 0, 480, 300);
    context.fillStyle = '#dc2626';
    context.fillRect(40, 40, 400, 60);
    context.fillStyle = '#ffffff';
    context.font = '24px sans-serif';
    context.fillText('Error 500: checkout failed', 60, 80);
    return canvas.toDataURL('image/png');
  });
  return Buffer.from(dataUrl.split(',')[1] ?? '', 'base64');
}

const INVOICE = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
);

const attachmentId = (href: string): string => {
  const match = /\/files\/([\w-]+)/.exec(href);
  if (!match?.[1]) throw new Error(`no attachment id in ${href}`);
  return match[1];
};

it('a PNG goes up from the widget, a PDF comes back, and a note’s file is out of the visitor’s reach', async () => {
  const site = await pages.open({ width: 390, height: 844 });
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-panel').waitFor();
  const png = await screenshotPng(site);
  await site.getByTestId('lc-attach').setInputFiles({ name: 'checkout-error.png', mimeType: 'image/png', buffer: png });
  await site.getByTestId('lc-input').fill('The checkout fails, see the screenshot');
  // Pressed at once, as people do: the send waits for the upload and goes with the file.
  await site.getByTestId('lc-input').press('Enter');
  const sentImage = site.locator('[data-testid="lc-message"][data-author="visitor"] [data-testid="lc-attachment"]');
  await sentImage.waitFor();

  const ui = await pages.open();
  await signIn(ui, demo.url, 'alice@example.com', 'demo-password-alice');
  await ui.getByTestId('op-conversation').first().click();
  const received = ui.locator('[data-testid="op-message"]', { hasText: 'checkout fails' });
  await received.waitFor();
  const image = received.getByTestId('op-attachment').locator('img');
  await image.waitFor();
  // The operator's browser really loaded the picture, at its size.
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);

  // Alice answers with a PDF: the visitor downloads exactly its bytes.
  await ui
    .getByTestId('op-attach')
    .setInputFiles({ name: 'invoice.pdf', mimeType: 'application/pdf', buffer: INVOICE });
  await ui.getByTestId('op-composer').fill('Here is your invoice');
  await ui.getByTestId('op-send').click();
  await ui
    .locator('[data-testid="op-message"]', { hasText: 'Here is your invoice' })
    .getByTestId('op-attachment')
    .waitFor();
  const invoice = site
    .locator('[data-testid="lc-message"][data-author="operator"]', { hasText: 'Here is your invoice' })
    .getByTestId('lc-attachment');
  await invoice.waitFor();
  expect(await invoice.textContent()).toContain('invoice.pdf');
  const [download] = await Promise.all([site.waitForEvent('download'), invoice.locator('a').first().click()]);
  expect(download.suggestedFilename()).toBe('invoice.pdf');
  const path = await download.path();
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(path).equals(INVOICE)).toBe(true);
  await site.screenshot({ path: join(SCREENSHOTS, 'attachments-visitor.png') });

  // An internal note with a file: never shown to the visitor, and no visitor credential reaches it.
  await ui.getByTestId('op-note-toggle').check();
  await ui.getByTestId('op-attach').setInputFiles({
    name: 'internal-costs.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('margin 42%, do not share\n'),
  });
  await ui.getByTestId('op-composer').fill('Costs for the team only');
  await ui.getByTestId('op-send').click();
  const noteFile = ui
    .locator('[data-testid="op-message"]', { hasText: 'Costs for the team only' })
    .getByTestId('op-attachment');
  await noteFile.waitFor();
  const noteId = attachmentId((await noteFile.locator('a').first().getAttribute('href')) ?? '');
  await ui.screenshot({ path: join(SCREENSHOTS, 'attachments-operator.png') });

  const invoiceHref = (await invoice.locator('a').first().getAttribute('href')) ?? '';
  const signed = new URL(invoiceHref, demo.url);
  expect(signed.pathname).toMatch(/^\/api\/files\//);
  const token = await site.evaluate(() => {
    const key = Object.keys(localStorage).find((name) => name.endsWith(':token'));
    return key ? localStorage.getItem(key) : null;
  });
  expect(token).toBeTruthy();
  const asVisitor = { headers: { authorization: `Bearer ${token}` } };

  // The invoice's own link works; the same link with the note's file id does not.
  expect((await fetch(signed)).status).toBe(200);
  const swapped = new URL(signed);
  swapped.pathname = signed.pathname.replace(attachmentId(signed.pathname), noteId);
  const refused = await fetch(swapped);
  expect(refused.status).toBe(403);
  expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('file_link_invalid');
  // With the visitor's token: neither the signed route without a signature nor the operators' route.
  expect((await fetch(new URL(`/api/files/${noteId}`, demo.url), asVisitor)).status).toBe(403);
  const operatorRoute = await fetch(new URL(`/api/operator/files/${noteId}`, demo.url), asVisitor);
  expect([401, 404]).toContain(operatorRoute.status);

  // The visitor's widget, even after a reload, shows neither the note nor its file.
  await site.reload();
  await site.getByTestId('lc-launcher').click();
  await invoice.waitFor();
  const visitorText = (await site.getByTestId('lc-message').allTextContents()).join('\n');
  expect(visitorText).not.toContain('Costs for the team only');
  expect(visitorText).not.toContain('internal-costs');
  const hrefs = await site
    .getByTestId('lc-attachment')
    .locator('a')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  expect(hrefs.some((href) => href.includes(noteId))).toBe(false);
}, 120_000);
