// Operator sessions end after a configured idle time, on HTTP, at the socket upgrade and on open sockets.

import { CLOSE_SESSION_ENDED } from '@livechat/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.ts';
import {
  type TestServer,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  settle,
  startServer,
} from './harness.ts';

/** Idle after 1.2 s; a use is written down every 0.3 s at most; stale sessions are looked for every 0.1 s. */
const IDLE_HOURS = 1.2 / 3600;

let server: TestServer;
/** The server the test started: a test of the settings alone starts none, and one is discarded once. */
let started: TestServer | undefined;
afterEach(async () => {
  if (started) await discard(started);
  started = undefined;
});

const me = async (cookie: string) => (await fetch(`${server.url}/api/operator/me`, { headers: { cookie } })).status;

function upgradeStatus(cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.url.replace('http', 'ws')}/ws/operator`, {
      headers: { origin: server.origin, cookie },
    });
    socket.once('open', () => {
      socket.close();
      resolve(101);
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

describe('the idle timeout', () => {
  it('keeps a session in use, and refuses it (401) on HTTP and at the upgrade once unused too long', async () => {
    server = started = await startServer({ sessionIdleHours: IDLE_HOURS, sessionCheckMs: 100 });
    const alice = await createOperator(server, 'Alice');
    const cookie = await loginCookie(server, alice.email);
    // Used every 0.4 s for 2.4 s, twice the idle time: it lives on.
    for (let i = 0; i < 6; i += 1) {
      expect(await me(cookie)).toBe(200);
      await settle(400);
    }
    expect(await upgradeStatus(cookie)).toBe(101);
    await settle(1600);
    expect(await me(cookie)).toBe(401);
    expect(await upgradeStatus(cookie)).toBe(401);
    expect(await server.sql('SELECT token_hash FROM operator_sessions')).toEqual([]);
  }, 15_000);

  it('closes the sockets of an idle session with 4001', async () => {
    server = started = await startServer({ sessionIdleHours: IDLE_HOURS, sessionCheckMs: 100 });
    const alice = await createOperator(server, 'Alice');
    const socket = await connectOperator(server, alice);
    const closed = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the socket stayed open')), 5000);
      socket.socket.once('close', (code) => {
        clearTimeout(timer);
        resolve(code);
      });
    });
    expect(closed).toBe(CLOSE_SESSION_ENDED);
  });

  it('lasts 12 hours by default and follows SESSION_IDLE_HOURS', () => {
    expect(loadConfig({}, []).sessionIdleHours).toBe(12);
    expect(loadConfig({ SESSION_IDLE_HOURS: '2' }, []).sessionIdleHours).toBe(2);
    expect(() => loadConfig({ SESSION_IDLE_HOURS: '0' }, [])).toThrow(/SESSION_IDLE_HOURS/);
  });
});

describe('the session cookie', () => {
  it('is Secure whenever the public URL is https, whatever SECURE_COOKIES says', async () => {
    const https = loadConfig({ PUBLIC_URL: 'https://chat.example.com', SECURE_COOKIES: '0' }, []);
    expect(https.secureCookies).toBe(true);
    expect(loadConfig({ PUBLIC_URL: 'http://chat.example.com' }, []).secureCookies).toBe(false);
    server = started = await startServer({ publicUrl: https.publicUrl, secureCookies: https.secureCookies });
    const alice = await createOperator(server, 'Alice');
    const response = await fetch(`${server.url}/api/operator/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: alice.email, password: 'pw-Alice' }),
    });
    expect(response.headers.get('set-cookie')).toMatch(/; Secure/);
  });
});
