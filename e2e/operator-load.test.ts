// The operator UI under load in Chromium against the real demo server: a 5,000-message conversation opens within a
// second with only a window of it in the DOM, scrolling up keeps the place, and a visitor's burst is shown whole.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { connectVisitor } from '../bench/src/load/livechat-client.ts';
import { type Demo, launchBrowser, signIn, startDemo } from './harness.ts';

let demo: Demo;
let browser: Browser;
const contexts: BrowserContext[] = [];
const HISTORY = 5_000;

beforeAll(async () => {
  demo = await startDemo();
  browser = await launchBrowser();
});

afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

afterAll(async () => {
  await browser?.close();
  await demo?.stop();
});

/** A visitor with a conversation of `count` messages, stored directly: what is tested is the UI. */
async function longConversation(count: number) {
  const minted = await fetch(`${demo.url}/api/sites/demo/visitors`, {
    method: 'POST',
    headers: { origin: demo.url },
  });
  const { visitorId, token } = (await minted.json()) as { visitorId: string; token: string };
  const { store } = demo.app;
  const { conversation } = await store.conversations.findOrCreateOpen('demo', visitorId);
  for (let i = 1; i <= count; i++) {
    await store.messages.append({
      conversationId: conversation.id,
      author: { kind: 'visitor', id: visitorId, name: 'Visitor' },
      body: `Message ${i}`,
      visibility: 'public',
      clientId: null,
    });
  }
  return { conversationId: conversation.id, token };
}

async function operatorPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  context.setDefaultTimeout(15_000);
  contexts.push(context);
  const page = await context.newPage();
  await signIn(page, demo.url, 'alice@example.com', 'demo-password-alice');
  return page;
}

const shownSeqs = (page: Page) =>
  page.$$eval('[data-testid="op-message"][data-seq]', (items) => items.map((item) => Number(item.dataset.seq)));

it('opens a 5,000-message conversation within a second, with only a window of it in the DOM', async () => {
  const { conversationId } = await longConversation(HISTORY);
  const page = await operatorPage();
  const openedInMs = await page.evaluate(
    `new Promise((resolve) => {
      const started = performance.now();
      const look = () => {
        if (document.querySelector('[data-testid="op-message"][data-seq="${HISTORY}"]')) {
          requestAnimationFrame(() => resolve(performance.now() - started));
          return;
        }
        requestAnimationFrame(look);
      };
      location.hash = '#/conversations/${conversationId}';
      look();
    })`,
  );
  expect(openedInMs).toBeLessThan(1_000);
  const seqs = await shownSeqs(page);
  expect(seqs.length).toBeLessThanOrEqual(200);
  // The newest: the last message stored, or the system line ("Alice joined") after it.
  const newest = seqs.at(-1) ?? 0;
  expect(newest).toBeGreaterThanOrEqual(HISTORY);

  // Scrolling to the top brings earlier messages above, and what was on screen stays where it was.
  const history = page.locator('.history');
  const firstShown = seqs[0] ?? 0;
  await history.evaluate((element) => {
    element.scrollTop = 0;
  });
  await expect.poll(async () => (await shownSeqs(page))[0]).toBeLessThan(firstShown);
  const place = await page
    .locator(`[data-testid="op-message"][data-seq="${firstShown}"]`)
    .evaluate(
      (item) => item.getBoundingClientRect().top - (item.closest('.history')?.getBoundingClientRect().top ?? 0),
    );
  expect(Math.abs(place)).toBeLessThan(50);

  // Far up, the newest leave the DOM; "Jump to latest" brings them back at the bottom.
  for (let i = 0; i < 10; i++) {
    await history.evaluate((element) => {
      element.scrollTop = 0;
    });
    await page.waitForTimeout(50);
  }
  expect((await shownSeqs(page)).length).toBeLessThanOrEqual(200);
  await page.getByTestId('op-jump-latest').click();
  await expect.poll(async () => (await shownSeqs(page)).at(-1)).toBe(newest);
  const fromBottom = await history.evaluate(
    (element) => element.scrollHeight - element.scrollTop - element.clientHeight,
  );
  expect(fromBottom).toBeLessThan(5);
  await expect(page.getByTestId('op-jump-latest').count()).resolves.toBe(0);
});

it('shows every message of a visitor’s burst into an open conversation, and keeps following the newest', async () => {
  const { conversationId, token } = await longConversation(100);
  const page = await operatorPage();
  await page.goto(`${demo.url}/operator/#/conversations/${conversationId}`);
  await page.locator('[data-testid="op-message"][data-seq="100"]').waitFor();
  const { socket } = await connectVisitor({ url: demo.url, origin: demo.url, site: 'demo' }, token);
  const burst = 500;
  const answers = await Promise.allSettled(
    Array.from({ length: burst }, (_, i) =>
      socket.request<'message.ack'>({ type: 'message.send', id: `b${i}`, clientId: `burst-${i}`, body: `Burst ${i}` }),
    ),
  );
  socket.close();
  // The server's per-visitor limit may refuse part of the burst: what it stored must all show.
  const stored = answers.flatMap((answer) => (answer.status === 'fulfilled' ? [answer.value.message.seq] : []));
  expect(stored.length).toBeGreaterThan(0);
  const last = Math.max(...stored);
  await page.locator(`[data-testid="op-message"][data-seq="${last}"]`).waitFor();
  const seqs = await shownSeqs(page);
  expect(seqs.length).toBeLessThanOrEqual(200);
  expect(seqs.every((seq, i) => i === 0 || seq === (seqs[i - 1] ?? 0) + 1)).toBe(true);
  const fromBottom = await page
    .locator('.history')
    .evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
  expect(fromBottom).toBeLessThan(5);
});
