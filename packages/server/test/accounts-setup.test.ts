// The first run: the setup link from the log creates the first admin, once, and only the latest link works.

import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ErrorBody, LoginResult, SetupStatus } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { announceSetup } from '../src/operators/setup.ts';
import { accountRows, api, refusal, tokenOf } from './accounts-harness.ts';
import { createOperator, discard, startServer, type TestServer } from './harness.ts';
import { freePort } from './free-port.ts';

const LINK = /(https?:\/\/\S+\/operator\/setup#[\w-]+)/;
const admin = { name: 'Ada Admin', email: 'ada@example.com', password: 'a long enough password' };

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await discard(server);
});

async function newLink(): Promise<string> {
  const link = await announceSetup(server.app, 'https://chat.example.com');
  if (!link) throw new Error('no setup link while no admin exists');
  return link;
}

describe('first run', () => {
  it('a fresh server needs setup and hands out a link of at least 128 random bits, stored hashed', async () => {
    expect((await api<SetupStatus>(server, '', 'GET', '/api/setup')).body).toEqual({ needed: true });
    const link = await newLink();
    expect(LINK.exec(`[info] ${link} and more`)?.[1]).toBe(link);
    expect(link.startsWith('https://chat.example.com/operator/setup#')).toBe(true);
    const token = tokenOf(link);
    expect(Buffer.from(token, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    const stored = await server.sql<{ token_hash: string }>('SELECT token_hash FROM account_links');
    expect(stored).toHaveLength(1);
    expect(stored[0]?.token_hash).not.toContain(token);
    expect((await api(server, '', 'POST', '/api/setup/check', { token })).body).toEqual({ ok: true });
  });

  it('creates the first admin with a good link and signs them in; the link is then used up', async () => {
    const token = tokenOf(await newLink());
    const created = await api<LoginResult>(server, '', 'POST', '/api/setup', { token, ...admin });
    expect(created.status).toBe(201);
    expect(created.body.operator).toMatchObject({ name: admin.name, email: admin.email, role: 'admin' });
    expect(created.cookie).toMatch(/^lc_session=/);
    const me = await api<LoginResult>(server, created.cookie, 'GET', '/api/operator/me');
    expect(me.body.operator.email).toBe(admin.email);
    expect((await api<SetupStatus>(server, '', 'GET', '/api/setup')).body).toEqual({ needed: false });

    const again = await api<ErrorBody>(server, '', 'POST', '/api/setup/check', { token });
    expect(refusal(again)).toEqual({ status: 410, code: 'token_invalid' });
    expect(again.body.error.message).toMatch(/already used/);
    const before = await accountRows(server);
    const second = await api<ErrorBody>(server, '', 'POST', '/api/setup', {
      token,
      ...admin,
      email: 'eve@example.com',
    });
    expect(refusal(second)).toEqual({ status: 410, code: 'token_invalid' });
    expect(await accountRows(server)).toEqual(before);
    // No new link once an admin exists.
    expect(await announceSetup(server.app, server.url)).toBeNull();
  });

  it('refuses a missing or unknown link and says where to find the latest one', async () => {
    await newLink();
    const before = await accountRows(server);
    for (const token of ['', 'not-a-real-token', 'x'.repeat(43)]) {
      const checked = await api<ErrorBody>(server, '', 'POST', '/api/setup/check', { token });
      expect(refusal(checked)).toEqual({ status: 410, code: 'token_invalid' });
      expect(checked.body.error.message).toMatch(/log at every start/);
      const tried = await api<ErrorBody>(server, '', 'POST', '/api/setup', { token, ...admin });
      expect(refusal(tried)).toEqual({ status: 410, code: 'token_invalid' });
    }
    const noToken = await api<ErrorBody>(server, '', 'POST', '/api/setup', admin);
    expect(refusal(noToken)).toEqual({ status: 400, code: 'bad_request' });
    expect(await accountRows(server)).toEqual(before);
  });

  it('a new start replaces the previous link, and the refusal says so', async () => {
    const first = tokenOf(await newLink());
    const second = tokenOf(await newLink());
    const old = await api<ErrorBody>(server, '', 'POST', '/api/setup', { token: first, ...admin });
    expect(refusal(old)).toEqual({ status: 410, code: 'token_invalid' });
    expect(old.body.error.message).toMatch(/replaced by a newer one: the server prints the latest .* at every start/);
    expect(await server.sql('SELECT count(*) AS n FROM operators')).toEqual([{ n: 0 }]);
    expect((await api(server, '', 'POST', '/api/setup', { token: second, ...admin })).status).toBe(201);
  });

  it('refuses once an admin exists, even with a link that was never used', async () => {
    const token = tokenOf(await newLink());
    await createOperator(server, 'Root', 'admin');
    const before = await accountRows(server);
    const checked = await api<ErrorBody>(server, '', 'POST', '/api/setup/check', { token });
    expect(refusal(checked)).toEqual({ status: 409, code: 'conflict' });
    const tried = await api<ErrorBody>(server, '', 'POST', '/api/setup', { token, ...admin });
    expect(refusal(tried)).toEqual({ status: 409, code: 'conflict' });
    expect(tried.body.error.message).toMatch(/admin exists already/);
    expect(await accountRows(server)).toEqual(before);
    expect((await api<SetupStatus>(server, '', 'GET', '/api/setup')).body).toEqual({ needed: false });
  });

  it('says what is wrong with a weak password or a malformed email, and keeps the link usable', async () => {
    const token = tokenOf(await newLink());
    const before = await accountRows(server);
    const weak = await api<ErrorBody>(server, '', 'POST', '/api/setup', { token, ...admin, password: 'short' });
    expect(refusal(weak)).toEqual({ status: 400, code: 'bad_request' });
    expect(weak.body.error.message).toMatch(/at least 10 characters/);
    for (const email of ['not-an-email', 'two@@example.com', 'a b@example.com', 'x@']) {
      const bad = await api<ErrorBody>(server, '', 'POST', '/api/setup', { token, ...admin, email });
      expect({ email, ...refusal(bad) }).toEqual({ email, status: 400, code: 'bad_request' });
      expect(bad.body.error.message).toMatch(/email/);
    }
    const noName = await api(server, '', 'POST', '/api/setup', { token, ...admin, name: '   ' });
    expect(refusal(noName)).toEqual({ status: 400, code: 'bad_request' });
    expect(await accountRows(server)).toEqual(before);
    expect((await api(server, '', 'POST', '/api/setup', { token, ...admin })).status).toBe(201);
  });
});

describe('the setup link in the log', () => {
  it('every start without an admin logs a new link on a line of its own; the older one is replaced', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'livechat-start-'));
    const port = await freePort();
    const base = `http://localhost:${port}`;
    try {
      const first = await startMain(dataDir, port);
      await first.stop();
      const second = await startMain(dataDir, port);
      try {
        expect(first.link.startsWith(`${base}/operator/setup#`)).toBe(true);
        expect(second.link).not.toBe(first.link);
        const call = (token: string) =>
          fetch(`${base}/api/setup/check`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ token }),
          });
        const old = await call(tokenOf(first.link));
        expect(old.status).toBe(410);
        expect(((await old.json()) as ErrorBody).error.message).toMatch(/replaced by a newer one/);
        expect((await call(tokenOf(second.link))).status).toBe(200);
      } finally {
        await second.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

/** Starts the server as `npm start` does (without demo data) and reads the setup link from its log. */
function startMain(dataDir: string, port: number): Promise<{ link: string; stop(): Promise<void> }> {
  // One process (node with tsx's loader), so that SIGTERM reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: fileURLToPath(new URL('..', import.meta.url)),
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', DEMO: '' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`no setup link in the log:\n${log}`));
    }, 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const line = log.split('\n').find((candidate) => LINK.test(candidate));
      const link = line ? LINK.exec(line)?.[1] : undefined;
      if (!link) return;
      clearTimeout(timer);
      resolve({ link, stop });
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}):\n${log}`)));
  });
}
