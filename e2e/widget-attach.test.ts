// The visitor's files in the widget, in Chromium against the real server: the attach button, a PNG chosen with its
// upload's progress and preview, a pasted screenshot, a dropped file, refusals (the widget's and the server's), and
// sending the caption with the files.

import type { UploadCreated } from '../packages/protocol/src/index.ts';
import type { Browser, CDPSession, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Demo, launchBrowser, Pages, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
let pages: Pages;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
  pages = new Pages(browser);
});

afterEach(() => pages.closeAll());

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** A PNG of `width`×`height` noisy pixels (so it does not compress to nothing), drawn by the browser. */
async function png(page: Page, width: number, height: number): Promise<Buffer> {
  const base64 = await page.evaluate(
    ({ w, h }) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      const image = context.createImageData(w, h);
      for (let i = 0; i < image.data.length; i++) image.data[i] = i % 4 === 3 ? 255 : (i * 7919) % 251;
      context.putImageData(image, 0, 0);
      return canvas.toDataURL('image/png').split(',')[1] as string;
    },
    { w: width, h: height },
  );
  return Buffer.from(base64, 'base64');
}

const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function openChat(page: Page): Promise<void> {
  await page.goto(`${demo.url}/`);
  await page.getByTestId('lc-launcher').click();
  await page.getByTestId('lc-input').waitFor();
}

/** Slows the page's uploads, so that their progress can be seen. */
async function slowUploads(page: Page, bytesPerSecond: number): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
  return cdp;
}

const items = (page: Page) => page.getByTestId('lc-tray-item');

it('offers an attach button that takes the site’s kinds, uploads a chosen PNG with its progress and shows its preview', async () => {
  const page = await pages.open();
  await openChat(page);
  const attach = page.getByTestId('lc-attach');
  expect(await attach.getAttribute('type')).toBe('file');
  expect(await attach.getAttribute('multiple')).not.toBeNull();
  expect(await attach.getAttribute('accept')).toBe(
    'image/*,.pdf,.txt,.csv,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp',
  );

  const image = await png(page, 600, 400);
  const cdp = await slowUploads(page, 100 * 1024);
  await attach.setInputFiles([
    { name: 'error.png', mimeType: 'image/png', buffer: image },
    { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([PDF, Buffer.alloc(300 * 1024, 32)]) },
  ]);
  await expect.poll(() => items(page).count()).toBe(2);
  const first = items(page).first();
  await first.getByTestId('lc-tray-preview').waitFor();
  // The visitor's own copy, drawn in the browser (the demo page's CSP refuses blob: images: a data: URL then).
  await expect
    .poll(() => first.getByTestId('lc-tray-preview').evaluate((img: HTMLImageElement) => img.naturalWidth))
    .toBe(600);
  // Mid-upload: a bar between empty and full. A send now waits for the uploads instead of leaving them.
  await expect
    .poll(async () => Number(await items(page).nth(1).getByTestId('lc-progress').getAttribute('value')))
    .toBeGreaterThan(0);
  await page.getByTestId('lc-input').fill('Both files');
  await page.getByTestId('lc-input').press('Enter');
  const sent = page.locator('[data-testid="lc-message"][data-author="visitor"]', { hasText: 'Both files' });
  expect(await sent.count()).toBe(0);
  expect(await items(page).nth(1).getAttribute('data-state')).toBe('uploading');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  // Once both are up, the message goes with both, in the order they were chosen, and the tray empties.
  await sent.getByTestId('lc-attachment').nth(1).waitFor();
  expect(await sent.getByTestId('lc-attachment').allTextContents()).toEqual([
    expect.any(String),
    expect.stringContaining('invoice.pdf'),
  ]);
  expect(await items(page).count()).toBe(0);
});

it('removes a file from the tray before sending', async () => {
  const page = await pages.open();
  await openChat(page);
  await page.getByTestId('lc-attach').setInputFiles([
    { name: 'error.png', mimeType: 'image/png', buffer: await png(page, 60, 40) },
    { name: 'invoice.pdf', mimeType: 'application/pdf', buffer: PDF },
  ]);
  await expect.poll(() => items(page).nth(1).getAttribute('data-state')).toBe('done');
  // Files alone may be sent: no caption needed.
  expect(await page.getByTestId('lc-send').isDisabled()).toBe(false);
  await items(page).nth(1).getByTestId('lc-tray-remove').click();
  await expect.poll(() => items(page).count()).toBe(1);
});

it('takes a pasted screenshot in the message box and a file dropped on the panel', async () => {
  const page = await pages.open();
  await openChat(page);
  const base64 = (await png(page, 320, 200)).toString('base64');
  await page.getByTestId('lc-input').evaluate((input, data) => {
    const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
    const clipboard = new DataTransfer();
    clipboard.items.add(new File([bytes], 'screenshot.png', { type: 'image/png' }));
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true }));
  }, base64);
  await expect.poll(() => items(page).first().getAttribute('data-state')).toBe('done');
  // The pasted image went to the tray, not as text into the box.
  expect(await page.getByTestId('lc-input').inputValue()).toBe('');

  await page.getByTestId('lc-panel').evaluate((panel) => {
    const dropped = new DataTransfer();
    dropped.items.add(new File(['order,qty\n42,1\n'], 'order.csv', { type: 'text/csv' }));
    panel.dispatchEvent(new DragEvent('dragover', { dataTransfer: dropped, bubbles: true, cancelable: true }));
    panel.dispatchEvent(new DragEvent('drop', { dataTransfer: dropped, bubbles: true, cancelable: true }));
  });
  await expect.poll(() => items(page).count()).toBe(2);
  await expect.poll(() => items(page).nth(1).getAttribute('data-state')).toBe('done');
  expect(await items(page).nth(1).textContent()).toContain('order.csv');
});

it('refuses in the widget a file too large or of a kind the site does not take, and shows the server’s own refusal', async () => {
  const page = await pages.open();
  await openChat(page);
  const uploads: string[] = [];
  page.on('request', (request) => request.url().includes('/uploads') && uploads.push(request.url()));
  await page.getByTestId('lc-attach').setInputFiles([
    { name: 'setup.exe', mimeType: 'application/x-msdownload', buffer: Buffer.from('MZ\x90\x00') },
    { name: 'huge.txt', mimeType: 'text/plain', buffer: Buffer.alloc(11 * 1024 * 1024, 97) },
  ]);
  const errors = page.getByTestId('lc-tray-error');
  await expect.poll(() => errors.count()).toBe(2);
  expect(await errors.nth(0).textContent()).toBe('setup.exe: this kind of file is not accepted.');
  expect(await errors.nth(1).textContent()).toMatch(/^huge\.txt is too large: files up to 10 MB\.$/);
  expect(uploads).toEqual([]);

  // Bytes that are not what the name says: the widget lets it go, the server refuses it with a reason.
  await page
    .getByTestId('lc-attach')
    .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('just text') });
  await expect.poll(() => errors.count()).toBe(3);
  expect(await errors.nth(2).textContent()).toMatch(/^Upload failed: .*not what its name's \.png says/);
  expect(uploads).toHaveLength(1);
  // Refused files do not hold the message back, and each can be removed.
  await page.getByTestId('lc-input').fill('Here is the error');
  expect(await page.getByTestId('lc-send').isDisabled()).toBe(false);
  await items(page).first().getByTestId('lc-tray-remove').click();
  await expect.poll(() => items(page).count()).toBe(2);
});

/** The bytes the server stored for the next upload the page makes. */
function nextUpload(page: Page): Promise<Buffer> {
  return page
    .waitForResponse((response) => response.request().method() === 'POST' && response.url().includes('/uploads'))
    .then(async (response) => {
      const { attachment } = (await response.json()) as UploadCreated;
      const upload = await demo.app.store.uploads.byId(attachment.id);
      const stream = await demo.app.files.get(upload?.hash ?? '');
      const chunks: Buffer[] = [];
      for await (const chunk of stream ?? []) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    });
}

/** An image of `width`×`height` in one colour, encoded by the page as `type`. */
async function flatImage(page: Page, width: number, height: number, type: string): Promise<Buffer> {
  const data = await page.evaluate(
    ({ width, height, type }) => {
      const canvas = document.createElement('canvas');
      canvas.width = width;
      canvas.height = height;
      const context = canvas.getContext('2d') as CanvasRenderingContext2D;
      context.fillStyle = '#2563eb';
      context.fillRect(0, 0, width, height);
      return canvas.toDataURL(type).split(',')[1] as string;
    },
    { width, height, type },
  );
  return Buffer.from(data, 'base64');
}

it('scales an image longer than 2,560 px down before uploading it, and draws a JPEG again without its location', async () => {
  const page = await pages.open();
  await openChat(page);
  let upload = nextUpload(page);
  await page
    .getByTestId('lc-attach')
    .setInputFiles({ name: 'wide.png', mimeType: 'image/png', buffer: await flatImage(page, 3200, 1600, 'image/png') });
  const sent = await upload;
  const at = sent.indexOf('IHDR');
  // The PNG's header, as uploaded: still a PNG, 2,560 × 1,280.
  expect([sent.readUInt32BE(at + 4), sent.readUInt32BE(at + 8)]).toEqual([2560, 1280]);

  // A photo's EXIF block with its GPS position, right after the JPEG's start.
  const photo = await flatImage(page, 800, 600, 'image/jpeg');
  const exif = Buffer.concat([Buffer.from('Exif\0\0GPSLatitude 48.8584 GPSLongitude 2.2945', 'latin1')]);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1]), Buffer.from([0, exif.length + 2]), exif]);
  const tagged = Buffer.concat([photo.subarray(0, 2), segment, photo.subarray(2)]);
  upload = nextUpload(page);
  await page.getByTestId('lc-attach').setInputFiles({ name: 'photo.jpg', mimeType: 'image/jpeg', buffer: tagged });
  const uploaded = await upload;
  expect(uploaded.includes(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
  expect(uploaded.includes(Buffer.from('GPSLatitude'))).toBe(false);
  await expect.poll(() => items(page).nth(1).getAttribute('data-state')).toBe('done');
});

// Needs the server to attach uploads to messages (server-attach); until then the server answers bad_request.
it('sends the caption with its files; the visitor and the operator see the image', async () => {
  const operator = await pages.open();
  await signIn(operator, demo.url, 'alice@example.com', 'demo-password-alice');
  const page = await pages.open();
  await openChat(page);
  await page
    .getByTestId('lc-attach')
    .setInputFiles({ name: 'error.png', mimeType: 'image/png', buffer: await png(page, 300, 200) });
  await expect.poll(() => items(page).first().getAttribute('data-state')).toBe('done');
  await page.getByTestId('lc-input').fill('The checkout says this');
  await page.getByTestId('lc-input').press('Enter');
  const sent = page.locator('[data-testid="lc-message"][data-author="visitor"]:not([data-pending])', {
    hasText: 'The checkout says this',
  });
  await sent.waitFor();
  const attachment = sent.getByTestId('lc-attachment');
  expect(await attachment.getAttribute('data-kind')).toBe('image');
  await expect.poll(() => attachment.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
  await operator.locator('[data-testid="op-conversation"]', { hasText: 'The checkout says this' }).click();
  await operator.getByTestId('op-attachment').first().waitFor();
});
