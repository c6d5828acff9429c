// The operator UI under load, in headless Chromium: the time to open a 5,000-message conversation until its last
// message shows, and the longest main-thread task while one visitor floods that open conversation at 1,000 msg/s.

import { execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { buildApp } from '@livechat/server/src/app.ts';
import { testConfig } from '@livechat/server/src/config.ts';
import { hashPassword } from '@livechat/server/src/operators/passwords.ts';
import { CHROMIUM_PATH, hasChromium, launchChromium } from '../../../e2e/chromium.ts';
import { connectVisitor, type Endpoint } from '../load/livechat-client.ts';
import { median } from '../stats.ts';

const root = new URL('../../../', import.meta.url).pathname;
const OPERATOR_DIST = `${root}packages/operator-ui/dist/index.html`;
const ORIGIN = 'http://bench.test';
const EMAIL = 'bench-admin@example.com';
const PASSWORD = 'bench-password';
const SETTLE_MS = 2_000;

export interface OperatorUiSizes {
  /** Messages in the conversation opened. */
  history: number;
  openRuns: number;
  floodPerSecond: number;
  floodMs: number;
}

export const OPERATOR_UI_FULL: OperatorUiSizes = { history: 5_000, openRuns: 5, floodPerSecond: 1_000, floodMs: 5_000 };
export const OPERATOR_UI_QUICK: OperatorUiSizes = {
  history: 5_000,
  openRuns: 2,
  floodPerSecond: 1_000,
  floodMs: 2_000,
};

export interface OperatorUiResult {
  history: number;
  /** Median time from opening the conversation to its last message on screen, ms. */
  openMs: number | null;
  openRuns: number[];
  /** Messages the visitor sent, and how many the server stored (the rest refused by its limits). */
  floodSent: number;
  floodStored: number;
  floodRefused: number;
  /** The longest main-thread task during the flood and until its last stored message showed, ms (0: none ≥ 50 ms). */
  longestTaskMs: number | null;
  longTasks: number;
  /** From the flood's end to the server's last answer to the visitor, ms: what the server adds to the catch-up. */
  floodAnsweredMs: number | null;
  /** From the flood's end to its last stored message on screen, ms. */
  floodCatchUpMs: number | null;
  browserNote: string | null;
}

export async function operatorUi(sizes: OperatorUiSizes): Promise<OperatorUiResult> {
  const result: OperatorUiResult = {
    history: sizes.history,
    openMs: null,
    openRuns: [],
    floodSent: 0,
    floodStored: 0,
    floodRefused: 0,
    longestTaskMs: null,
    longTasks: 0,
    floodCatchUpMs: null,
    floodAnsweredMs: null,
    browserNote: null,
  };
  if (!hasChromium()) {
    result.browserNote = `no Chromium at ${CHROMIUM_PATH}`;
    return result;
  }
  if (!existsSync(OPERATOR_DIST)) execSync('npm run build', { cwd: root, stdio: 'inherit' });
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-bench-operator-ui-'));
  const app = await buildApp(testConfig({ dataDir }));
  const browser = await launchChromium();
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const url = `http://127.0.0.1:${address.port}`;
    const { conversationId, token } = await seed(app, url, sizes.history);

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await signIn(page, url);
    for (let run = 0; run < sizes.openRuns; run++) {
      result.openRuns.push(await openTime(page, url, conversationId, sizes.history));
    }
    result.openMs = median(result.openRuns);
    console.log(`  operator UI: ${sizes.history} messages open in ${result.openMs.toFixed(0)} ms (median)`);

    await flood(page, { url, origin: ORIGIN, site: 'bench' }, token, sizes, result);
    console.log(
      `  operator UI: flood of ${result.floodSent} (${result.floodStored} stored), longest task ${result.longestTaskMs} ms, ${result.longTasks} long tasks`,
    );
    await context.close();
  } finally {
    await browser.close();
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}

type App = Awaited<ReturnType<typeof buildApp>>;

/** A site, an admin, and one visitor's conversation of `history` messages, stored directly: the setup is not measured. */
async function seed(app: App, url: string, history: number) {
  const { store } = app;
  await store.sites.save({ id: 'bench', name: 'Bench', allowedOrigins: [ORIGIN] });
  await store.operators.create({
    name: 'Bench admin',
    email: EMAIL,
    passwordHash: await hashPassword(PASSWORD),
    role: 'admin',
    notify: 'inbox',
  });
  const minted = await fetch(`${url}/api/sites/bench/visitors`, { method: 'POST', headers: { origin: ORIGIN } });
  const { visitorId, token } = (await minted.json()) as { visitorId: string; token: string };
  const { conversation } = await store.conversations.findOrCreateOpen('bench', visitorId);
  for (let i = 0; i < history; i++) {
    await store.messages.append({
      conversationId: conversation.id,
      author: { kind: 'visitor', id: visitorId, name: 'Visitor' },
      body: `Message ${i + 1}: the lamp I ordered flickers when the dimmer is below half, is that expected?`,
      visibility: 'public',
      clientId: null,
    });
  }
  return { conversationId: conversation.id, token };
}

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/operator/`);
  await page.getByTestId('op-login-email').fill(EMAIL);
  await page.getByTestId('op-login-password').fill(PASSWORD);
  await page.getByTestId('op-login-submit').click();
  await page.locator('[data-testid="op-connection"][data-status="online"]').waitFor({ timeout: 15_000 });
}

/** From a fresh load (nothing held), the time from opening the conversation to its last message painted. */
async function openTime(page: Page, url: string, conversationId: string, lastSeq: number): Promise<number> {
  await page.goto(`${url}/operator/#/`);
  await page.reload();
  await page.locator('[data-testid="op-connection"][data-status="online"]').waitFor({ timeout: 15_000 });
  // A string, not a function: the bench's transpiler would add helpers to a function that the page does not have.
  return page.evaluate(`new Promise((resolve, reject) => {
    const started = performance.now();
    const timeout = setTimeout(() => reject(new Error('the last message never showed')), 30000);
    const look = () => {
      if (document.querySelector('[data-testid="op-message"][data-seq="${lastSeq}"]')) {
        clearTimeout(timeout);
        // Shown means painted: the frame after the DOM has it.
        requestAnimationFrame(() => resolve(performance.now() - started));
        return;
      }
      requestAnimationFrame(look);
    };
    location.hash = ${JSON.stringify(`#/conversations/${encodeURIComponent(conversationId)}`)};
    look();
  })`) as Promise<number>;
}

async function flood(page: Page, server: Endpoint, token: string, sizes: OperatorUiSizes, result: OperatorUiResult) {
  // What the page does after opening (the side panel's loads, the list) is not the flood's: let it settle first.
  await page.waitForTimeout(SETTLE_MS);
  await page.evaluate(`window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });`);
  const { socket } = await connectVisitor(server, token);
  let lastSeq = 0;
  socket.onFrame = (frame) => {
    if (frame.type === 'message.ack') {
      result.floodStored += 1;
      lastSeq = Math.max(lastSeq, frame.message.seq);
    } else if (frame.type === 'error') {
      result.floodRefused += 1;
    }
  };
  const perTick = Math.max(1, Math.round(sizes.floodPerSecond / 100));
  const ticks = Math.round(sizes.floodMs / 10);
  const started = Date.now();
  for (let tick = 0; tick < ticks; tick++) {
    for (let n = 0; n < perTick; n++) {
      result.floodSent += 1;
      socket.send({
        type: 'message.send',
        id: socket.nextId(),
        clientId: `flood-${result.floodSent}`,
        body: `flood ${result.floodSent}`,
      });
    }
    // Paced against the clock, so timer drift does not lower the rate.
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, started + (tick + 1) * 10 - Date.now())));
  }
  const floodEnded = Date.now();
  // Every answer in: then the last stored message is known.
  const deadline = Date.now() + 20_000;
  while (result.floodStored + result.floodRefused < result.floodSent && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  result.floodAnsweredMs = Date.now() - floodEnded;
  if (lastSeq > 0) {
    await page.locator(`[data-testid="op-message"][data-seq="${lastSeq}"]`).waitFor({ timeout: 30_000 });
    result.floodCatchUpMs = Date.now() - floodEnded;
  }
  const tasks = (await page.evaluate('window.__longTasks')) as number[];
  result.longTasks = tasks.length;
  result.longestTaskMs = Math.round(Math.max(0, ...tasks));
  socket.close();
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const quick = process.argv.includes('--quick');
  console.log(JSON.stringify(await operatorUi(quick ? OPERATOR_UI_QUICK : OPERATOR_UI_FULL), null, 2));
}
