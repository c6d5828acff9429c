// Logins over their limits: growing waits per address and per account, answered 429 with Retry-After,
// and at most two password hashes at a time, so that a burst of wrong logins leaves the widget served.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOperator, discard, PASSWORDS, settle, type TestServer } from './harness.ts';
import { startLimitedServer } from './limits-harness.ts';
import { countRows } from './stored-rows.ts';

let server: TestServer;
let publicDir: string;

beforeAll(async () => {
  publicDir = mkdtempSync(join(tmpdir(), 'livechat-public-'));
  mkdirSync(join(publicDir, 'widget'));
  writeFileSync(join(publicDir, 'widget', 'widget.js'), '(()=>{})();');
  server = await startLimitedServer(
    { loginFreeFailures: 3, loginMaxDelayMs: 60_000, passwordHashWaitMs: 0 },
    { publicDir },
  );
});
afterAll(async () => {
  await discard(server);
  rmSync(publicDir, { recursive: true, force: true });
});

async function login(email: string, password: string, address: string) {
  const response = await fetch(`${server.url}/api/operator/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
    body: JSON.stringify({ email, password }),
  });
  const body = (await response.json()) as { error?: { code: string } };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), code: body.error?.code };
}

describe('failed logins', () => {
  it('are answered at once up to the free ones, then wait 1 s, 2 s …, per address and per account', async () => {
    const ada = await createOperator(server, 'Ada');
    const ben = await createOperator(server, 'Ben');
    for (let i = 0; i < 3; i += 1) expect((await login(ada.email, 'wrong', '10.0.0.1')).status).toBe(401);

    const [sameAddress, sameAccount, other] = await Promise.all([
      login('someone@example.com', 'wrong', '10.0.0.1'),
      login(ada.email, PASSWORDS[ada.email] ?? '', '10.0.0.2'),
      login(ben.email, PASSWORDS[ben.email] ?? '', '10.0.0.3'),
    ]);
    expect(sameAddress).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: '1' });
    expect(sameAccount).toMatchObject({ status: 429, code: 'rate_limited', retryAfter: '1' });
    expect(other.status).toBe(200);

    await settle(1100);
    expect((await login(ada.email, 'wrong again', '10.0.0.4')).status).toBe(401);
    // The fourth failure of the account: twice the wait.
    expect(await login(ada.email, PASSWORDS[ada.email] ?? '', '10.0.0.5')).toMatchObject({
      status: 429,
      retryAfter: '2',
    });
  });

  it('leave no session behind when refused', async () => {
    const sessions = await countRows(server, 'operator_sessions');
    expect((await login('nobody@example.com', 'x', '10.0.1.1')).status).toBe(401);
    expect(await countRows(server, 'operator_sessions')).toBe(sessions);
  });
});

describe('password hashes', () => {
  it('run two at a time: of 16 concurrent wrong logins most get 429, and /widget.js answers 200 meanwhile', async () => {
    const attempts = Array.from({ length: 16 }, (_, i) => login(`guess${i}@example.com`, 'wrong', `10.0.2.${i}`));
    const widget = fetch(`${server.url}/widget.js`);
    const answers = await Promise.all(attempts);
    expect((await widget).status).toBe(200);
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status !== 429).every((answer) => answer.status === 401)).toBe(true);
    expect(refused.length).toBeGreaterThanOrEqual(8);
    expect(refused.every((answer) => answer.code === 'rate_limited' && answer.retryAfter === '1')).toBe(true);
  });
});
