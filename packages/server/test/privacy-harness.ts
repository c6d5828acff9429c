// Helpers for privacy tests: admin HTTP calls with a session, a visitor's widget calls, and every row of the database.

import type { OperatorProfile } from '@livechat/protocol';
import { dataTables, loginCookie, SITE_ORIGIN, type TestServer, type VisitorHandle } from './harness.ts';

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** An HTTP call with the operator's session cookie. */
export async function api<T = unknown>(
  server: TestServer,
  operator: OperatorProfile,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer<T>> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      cookie: await loginCookie(server, operator.email),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : null) as T };
}

/** A call the widget makes for the visitor, with their token, from the site's page. */
export async function widgetCall(server: TestServer, visitor: VisitorHandle, path: string, body: unknown) {
  const response = await fetch(`${server.url}/api/sites/shop/${path}`, {
    method: 'POST',
    headers: { origin: SITE_ORIGIN, authorization: `Bearer ${visitor.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${path}: ${response.status} ${await response.text()}`);
}

/** Every row of every table but those left out, as one text, to look for what must not be there. */
export async function everything(server: TestServer, leftOut: readonly string[] = []): Promise<string> {
  const names = (await dataTables(server)).filter((name) => !leftOut.includes(name));
  const tablesRows: Array<[string, string[]]> = [];
  // Rows as text, sorted: PostgreSQL hands back a table in whatever order its updates left it.
  for (const name of names) {
    const rows = await server.sql(`SELECT * FROM "${name}"`);
    tablesRows.push([name, rows.map((row) => JSON.stringify(row)).sort()]);
  }
  return JSON.stringify(Object.fromEntries(tablesRows));
}

/**
 * Every row of every table: what a refused request must leave as it was. Login sessions are left
 * out: each call of `api` signs in afresh.
 */
export function snapshot(server: TestServer): Promise<string> {
  return everything(server, ['operator_sessions']);
}
