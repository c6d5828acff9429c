// The operator attaches files in the real UI against the real server: op-attach uploads with a preview and progress
// (the network slowed so progress shows), refusals in the server's words, the reply and the note that carry files,
// and Settings → Sites → Attachments saved and read back after a reload.

import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seriousViolations } from './examples-support.ts';
import { type Demo, Pages, SCREENSHOTS, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;
let screenshot: Buffer;

const PHONE = { width: 390, height: 844 };
const shot = (page: Page, name: string) => page.screenshot({ path: join(SCREENSHOTS, `operator-attach-${name}.png`) });

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser, { width: 1280, height: 800 }, 'reduce');
  // A real PNG of a real page, as a visitor's screenshot would be.
  const blank = await pages.open();
  await blank.goto(`${demo.url}/`);
  screenshot = await blank.screenshot();
});

afterAll(async () => {
  await pages?.closeAll();
  await browser?.close();
  await demo?.stop();
});

/** A PDF by its bytes (file-type reads `%PDF-`), padded so that its upload takes a moment on a slow link. */
function aPdf(bytes: number): Buffer {
  const head = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n';
  return Buffer.concat([Buffer.from(head), Buffer.alloc(bytes - head.length, 0x20), Buffer.from('\n%%EOF\n')]);
}

/** A visitor writes from the demo shop; the operator signs in and opens that conversation. */
async function openConversation(viewport?: { width: number; height: number }): Promise<Page> {
  const site = await pages.open();
  await site.goto(`${demo.url}/`);
  await site.getByTestId('lc-launcher').click();
  await site.getByTestId('lc-input').fill('The checkout shows an error, screenshot coming');
  await site.getByTestId('lc-input').press('Enter');
  await site.locator('[data-testid="lc-message"][data-author="visitor"]').first().waitFor();
  const operator = await pages.open();
  await signIn(operator, demo.url, 'alice@example.com', 'demo-password-alice');
  await operator.getByTestId('op-conversation').first().click();
  // Signed in on a desktop-wide page (where the connection's status shows), then narrowed to a phone's width.
  if (viewport) await operator.setViewportSize(viewport);
  await operator.locator('[data-testid="op-message"]', { hasText: 'checkout shows an error' }).first().waitFor();
  return operator;
}

/** Uploads crawl at this many bytes a second (Chromium's own throttling), so that the tray shows them going. */
async function slowUploads(page: Page, bytesPerSecond: number): Promise<() => Promise<void>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  const conditions = { offline: false, latency: 0, downloadThroughput: -1 };
  await cdp.send('Network.emulateNetworkConditions', { ...conditions, uploadThroughput: bytesPerSecond });
  return async () => {
    await cdp.send('Network.emulateNetworkConditions', { ...conditions, uploadThroughput: -1 });
  };
}

const trayFiles = (page: Page) => page.getByTestId('op-tray-file');

async function attachScreenshotAndPdf(page: Page): Promise<void> {
  await page.getByTestId('op-attach').setInputFiles([
    { name: 'checkout-error.png', mimeType: 'image/png', buffer: screenshot },
    { name: 'invoice-4411.pdf', mimeType: 'application/pdf', buffer: aPdf(400_000) },
  ]);
}

it('op-attach uploads a screenshot and a PDF with a preview and progress; a dropped file joins; a refused one says why', async () => {
  for (const [name, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    const alice = await openConversation(viewport);
    const fast = await slowUploads(alice, 60_000);
    await attachScreenshotAndPdf(alice);

    expect(await trayFiles(alice).count()).toBe(2);
    // The image's preview is the operator's own copy, drawn before the upload ends (the page policy allows blob:).
    const preview = trayFiles(alice).first().getByTestId('op-tray-preview');
    expect(await preview.getAttribute('src')).toMatch(/^blob:/);
    await expect.poll(() => preview.evaluate((image) => (image as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    expect(await trayFiles(alice).nth(1).textContent()).toContain('invoice-4411.pdf');
    // Progress moves while the PDF goes, and Send waits.
    const pdfProgress = trayFiles(alice).nth(1).getByTestId('op-tray-progress');
    await expect.poll(async () => Number(await pdfProgress.getAttribute('value'))).toBeGreaterThan(0);
    expect(await alice.getByTestId('op-send').isDisabled()).toBe(true);
    await shot(alice, `tray-uploading-${name}`);

    await fast();
    await alice.locator('[data-testid="op-tray-file"][data-status="ready"]').nth(1).waitFor();
    expect(await trayFiles(alice).nth(0).textContent()).toContain('Image');
    expect(await trayFiles(alice).nth(1).textContent()).toContain('PDF');
    expect(await alice.getByTestId('op-send').isDisabled()).toBe(false);
  }

  // An empty file and a file whose bytes are not its name's kind: the server's typed refusals, at the file.
  const alice = await openConversation();
  await alice.getByTestId('op-attach').setInputFiles([
    { name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) },
    { name: 'photo.png', mimeType: 'image/png', buffer: aPdf(2_000) },
  ]);
  await alice.locator('[data-testid="op-tray-file"][data-status="failed"]').nth(1).waitFor();
  const codes = await trayFiles(alice).evaluateAll((files) => files.map((file) => file.getAttribute('data-code')));
  expect(codes).toEqual(['file_empty', 'file_name_mismatch']);
  const refusals = await alice.getByTestId('op-tray-error').allTextContents();
  expect(refusals.every((text) => text.trim().length > 0)).toBe(true);
  await alice.getByTestId('op-tray-remove').first().click();
  expect(await trayFiles(alice).count()).toBe(1);
  await shot(alice, 'tray-refused-desktop');

  // A screenshot dragged onto the conversation joins the tray and uploads like a chosen one.
  const dataTransfer = await alice.evaluateHandle((base64) => {
    const bytes = Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], 'dropped.png', { type: 'image/png' }));
    return transfer;
  }, screenshot.toString('base64'));
  const conversation = alice.locator('section.conversation');
  await conversation.dispatchEvent('dragover', { dataTransfer });
  await conversation.dispatchEvent('drop', { dataTransfer });
  await alice.locator('[data-testid="op-tray-file"][data-status="ready"]', { hasText: 'dropped.png' }).waitFor();
  // The tray, with a ready and a refused file, is as usable with a screen reader as the rest of the page.
  expect(await seriousViolations(alice)).toEqual([]);
});

// Needs the server-attach branch (message.send with attachmentIds): on a server without it the reply is refused
// with bad_request and this test fails at the first wait.
it('sends a reply of a screenshot and a PDF, then a note with a file; both show their files', async () => {
  for (const [name, viewport] of [
    ['desktop', undefined],
    ['phone', PHONE],
  ] as const) {
    const alice = await openConversation(viewport);
    await attachScreenshotAndPdf(alice);
    await alice.locator('[data-testid="op-tray-file"][data-status="ready"]').nth(1).waitFor();
    await alice.getByTestId('op-send').click();
    const reply = alice.locator('[data-testid="op-message"][data-visibility="public"]', {
      has: alice.getByTestId('op-attachment'),
    });
    await reply.waitFor();
    const image = reply.locator('[data-testid="op-attachment"][data-kind="image"] img');
    await expect.poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    const download = reply.locator('[data-testid="op-attachment"][data-kind="pdf"] a');
    expect(await download.getAttribute('href')).toMatch(/^\/api\/operator\/files\//);
    await shot(alice, `conversation-files-${name}`);

    await alice.getByTestId('op-note-toggle').check();
    await alice
      .getByTestId('op-attach')
      .setInputFiles([{ name: 'refund-receipt.pdf', mimeType: 'application/pdf', buffer: aPdf(20_000) }]);
    await alice.locator('[data-testid="op-tray-file"][data-status="ready"]').waitFor();
    await alice.getByTestId('op-composer').fill('Receipt for the refund, for the team');
    await alice.getByTestId('op-send').click();
    await alice
      .locator('[data-testid="op-message"][data-visibility="operator"]', { has: alice.getByTestId('op-attachment') })
      .waitFor();
    await shot(alice, `note-file-${name}`);
    expect(await seriousViolations(alice)).toEqual([]);
  }
});

// Needs the server-rules branch (attachments stored per site): on a server without it the save is refused.
it('Settings → Sites saves attachment limits, and they come back after a reload', async () => {
  const admin = await pages.open();
  await signIn(admin, demo.url, 'alice@example.com', 'demo-password-alice');
  const editDemoSite = async () => {
    await admin.goto(`${demo.url}/operator/#/settings`);
    await admin.getByTestId('op-site').filter({ hasText: 'demo' }).first().getByTestId('op-site-edit').click();
    await admin.getByTestId('op-site-attachments').waitFor();
  };
  await editDemoSite();
  expect(await admin.getByTestId('op-site-attachments-max').inputValue()).toBe('10');
  await admin.getByTestId('op-site-attachments-max').fill('5.5');
  await admin.getByTestId('op-site-attachments-office').uncheck();
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', { width: 1280, height: 800 }],
  ] as const) {
    await admin.setViewportSize(viewport);
    await admin.getByTestId('op-site-attachments').scrollIntoViewIfNeeded();
    await shot(admin, `settings-${name}`);
  }
  await admin.getByTestId('op-site-save').click();
  await admin.getByTestId('op-site-saved').waitFor();

  await admin.reload();
  await editDemoSite();
  expect(await admin.getByTestId('op-site-attachments-max').inputValue()).toBe('5.5');
  expect(await admin.getByTestId('op-site-attachments-office').isChecked()).toBe(false);
  expect(await admin.getByTestId('op-site-attachments-image').isChecked()).toBe(true);
});
