// What the account tests share: JSON calls with a cookie, operator sockets by cookie, and what is stored.

import type { ErrorBody } from '@livechat/protocol';
import { Client, type TestServer } from './harness.ts';

export interface ApiResponse<T> {
  status: number;
  body: T;
  /** The session cookie the response set, as a `Cookie` header value; '' when none. */
  cookie: string;
}

export async function api<T = unknown>(
  server: TestServer,
  cookie: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<ApiResponse<T>> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const set = response.headers.get('set-cookie') ?? '';
  const cookiePair = set.split(';')[0] ?? '';
  return {
    status: response.status,
    body: (text ? JSON.parse(text) : null) as T,
    cookie: cookiePair.endsWith('=') ? '' : cookiePair,
  };
}

/** The code and message of a refusal, for one assertion. */
export const refusal = (response: ApiResponse<unknown>) => ({
  status: response.status,
  code: (response.body as ErrorBody | null)?.error?.code,
});

export async function operatorSocket(server: TestServer, cookie: string): Promise<Client> {
  const client = await Client.connect(`${server.url.replace('http', 'ws')}/ws/operator`, {
    origin: server.origin,
    cookie,
  });
  await client.wait('welcome');
  return client;
}

/** Resolves with the close code the server sent, or rejects when the socket is still open after `ms`. */
export function closedWithin(client: Client, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    if (client.socket.readyState === client.socket.CLOSED) return reject(new Error('closed before the test looked'));
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
    client.socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Every row an account request could change, to show a refused one changed nothing. */
export async function accountRows(server: TestServer) {
  return {
    operators: await server.sql('SELECT * FROM operators ORDER BY id'),
    sessions: await server.sql('SELECT * FROM operator_sessions ORDER BY token_hash'),
    links: await server.sql('SELECT * FROM account_links ORDER BY token_hash'),
  };
}

/** The token of a setup or accept link. */
export const tokenOf = (link: string): string => link.slice(link.indexOf('#') + 1);
