// Browser-test harness: the real demo server on a free port and a headless system Chromium.

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { buildApp } from '../packages/server/src/app.ts';
import { type Config, testConfig } from '../packages/server/src/config.ts';
import { demoOrigins, seedDemo } from '../packages/server/src/demo/seed.ts';

export const SCREENSHOTS = join(import.meta.dirname, '..', 'test-results');

export interface Demo {
  app: Awaited<ReturnType<typeof buildApp>>;
  url: string;
  stop(): Promise<void>;
}

/** `overrides` changes the demo server's settings, e.g. `smtpUrl` to send email to a test SMTP server. */
export async function startDemo(overrides: Partial<Omit<Config, 'dataDir' | 'demo'>> = {}): Promise<Demo> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-e2e-'));
  const config = testConfig({ ...overrides, dataDir, demo: true });
  const app = await buildApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  await seedDemo(app.store, demoOrigins(config, address.port));
  return {
    app,
    url: `http://localhost:${address.port}`,
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return launchChromium();
}

/** Pages, each in a fresh browser context of its own (its own cookies and storage), closed together. */
export class Pages {
  private readonly contexts: BrowserContext[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly viewport = { width: 1280, height: 900 },
    /** `reduce` stops the widget's and the UI's transitions, for tests that click as soon as a part shows. */
    private readonly reducedMotion: 'reduce' | 'no-preference' = 'no-preference',
  ) {}

  /** A page in a fresh context; `viewport` overrides this set's, e.g. a phone among desktop pages. */
  async open(viewport = this.viewport): Promise<Page> {
    const context = await this.browser.newContext({ viewport, reducedMotion: this.reducedMotion });
    // Fail at the step that is stuck rather than at the test's overall timeout.
    context.setDefaultTimeout(15_000);
    this.contexts.push(context);
    return context.newPage();
  }

  async closeAll(): Promise<void> {
    for (const context of this.contexts.splice(0)) await context.close();
  }
}

/** Logs an operator in at /operator/ and waits until their live connection is up. */
export async function signIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/operator/`);
  await page.getByTestId('op-login-email').fill(email);
  await page.getByTestId('op-login-password').fill(password);
  await page.getByTestId('op-login-submit').click();
  await page.locator('[data-testid="op-connection"][data-status="online"]').waitFor();
}
