// What the tests of "when nobody answers" share: HTTP calls as an admin, a page of the site, or a visitor.

import type { ErrorBody } from '@livechat/protocol';
import type { TestServer } from './harness.ts';

export interface Answer<T> {
  status: number;
  headers: Headers;
  body: T;
}

export interface CallOptions {
  cookie?: string;
  origin?: string;
  /** A visitor's bearer token. */
  token?: string;
  body?: unknown;
}

export async function call<T>(server: TestServer, method: string, path: string, init: CallOptions = {}) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  if (init.origin) headers.origin = init.origin;
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null } as Answer<T>;
}

/** The status and code of a refusal, for one assertion. */
export const refused = (answer: Answer<unknown>) => ({
  status: answer.status,
  code: (answer.body as ErrorBody | null)?.error?.code,
});
