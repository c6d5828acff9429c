// For the limits' tests: a server whose limits are tight where a test says so, and clients that come
// from an address of their choosing (X-Forwarded-For, trusted from loopback).

import type { ErrorBody } from '@livechat/protocol';
import WebSocket from 'ws';
import { type Config, type LimitsConfig, roomyLimits } from '../src/config.ts';
import { Client, SITE_ORIGIN, startServer, type TestServer, visitorUrl } from './harness.ts';

export function startLimitedServer(limits: Partial<LimitsConfig>, config: Partial<Config> = {}): Promise<TestServer> {
  return startServer({ trustProxy: 'loopback', ...config, limits: { ...roomyLimits(), ...limits } });
}

export interface Answer {
  status: number;
  retryAfter: string | null;
  body: Partial<ErrorBody> & Record<string, unknown>;
}

/** A widget's request from a page of the shop, sent from `address`. */
export async function widgetCall(
  server: TestServer,
  path: string,
  options: { address: string; token?: string; body?: unknown },
): Promise<Answer> {
  const headers: Record<string, string> = { origin: SITE_ORIGIN, 'x-forwarded-for': options.address };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}/api/sites/shop/${path}`, {
    method: 'POST',
    headers,
    ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
  });
  const text = await response.text();
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: text ? (JSON.parse(text) as Answer['body']) : {},
  };
}

/** A new visitor token, minted from `address`. */
export async function mintFrom(server: TestServer, address: string): Promise<{ token: string; visitorId: string }> {
  const answer = await widgetCall(server, 'visitors', { address });
  if (answer.status !== 201) throw new Error(`mint failed: ${answer.status}`);
  return answer.body as unknown as { token: string; visitorId: string };
}

/** A visitor socket from `address`: the welcome, or how it was closed. */
export function openVisitorSocket(
  server: TestServer,
  token: string,
  address: string,
): Promise<{ client: Client } | { closed: { code: number; reason: string } }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(visitorUrl(server, token), {
      headers: { origin: SITE_ORIGIN, 'x-forwarded-for': address },
    });
    const client = new Client(socket);
    socket.once('close', (code, reason) => resolve({ closed: { code, reason: reason.toString() } }));
    socket.once('error', reject);
    client.wait('welcome').then(() => resolve({ client }), reject);
  });
}
