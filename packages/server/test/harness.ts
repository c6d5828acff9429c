// Test harness: a real server on a real port with a temp SQLite file, and real WebSocket clients.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ClientToServer, OperatorProfile, ServerToClient } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { type AppParts, buildApp } from '../src/app.ts';
import { type Config, testConfig } from '../src/config.ts';
import { PgDb } from '../src/db/postgres/connection.ts';
import { hashPassword } from '../src/operators/passwords.ts';
import { dropTestDatabase, newTestDatabase, numbered } from './backend/database.ts';

export interface TestServer {
  app: FastifyInstance;
  url: string;
  origin: string;
  dataDir: string;
  /** Stops the server; the data stays for a restart. */
  stop(): Promise<void>;
  /** Starts a new server on the same data directory and port. */
  restart(): Promise<TestServer>;
  /**
   * Runs SQL on the server's own database, whichever it is, with `?` placeholders: the rows a query
   * gives, or none for a change. For what a test must see or set beside the API (a time in the past).
   */
  sql<T = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<T[]>;
  /** The PostgreSQL database this server stores in, or null on SQLite. */
  databaseUrl: string | null;
}

/** What a client needs of a server: where it listens (a node process or a balancer in front of some). */
export type Reachable = Pick<TestServer, 'url' | 'origin'>;

export const SITE_ORIGIN = 'http://shop.test';
export const PASSWORDS: Record<string, string> = {};

/** `parts`: what the app is given instead of building it (see AppParts); a restart gives them again. */
export async function startServer(
  overrides: Partial<Config> = {},
  dataDir?: string,
  port = 0,
  parts: Partial<AppParts> = {},
): Promise<TestServer> {
  const dir = dataDir ?? mkdtempSync(join(tmpdir(), 'livechat-test-'));
  // A restart keeps its database as it keeps its folder.
  const databaseUrl =
    overrides.databaseUrl !== undefined ? overrides.databaseUrl : parts.store ? null : await newTestDatabase();
  const app = await buildApp(testConfig({ dataDir: dir, databaseUrl, ...overrides }), parts);
  await app.listen({ port, host: '127.0.0.1' });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const url = `http://127.0.0.1:${address.port}`;
  await app.store.sites.save({ id: 'shop', name: 'Shop', allowedOrigins: [SITE_ORIGIN] });
  const pool = databaseUrl ? new PgDb(databaseUrl, { max: 2 }) : null;
  let stopped: Promise<void> | undefined;
  return {
    app,
    url,
    origin: url,
    dataDir: dir,
    databaseUrl,
    // Once, however often it is asked (a test that stops its server, then the file's discard).
    stop: async () => {
      stopped ??= app.close().then(() => pool?.close());
      await stopped;
    },
    // Same port, so clients reconnect to the same URL as after a real restart.
    restart: async () => startServer({ ...overrides, databaseUrl }, dir, address.port, parts),
    async sql<T>(text: string, ...params: unknown[]): Promise<T[]> {
      if (pool) return (await pool.query(numbered(text), params)) as T[];
      const statement = app.db.prepare(text);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    },
  };
}

/** Stops the server and deletes its data folder: what every test file does after its tests. */
export async function discard(server: TestServer): Promise<void> {
  await server.stop();
  rmSync(server.dataDir, { recursive: true, force: true });
  if (server.databaseUrl) await dropTestDatabase(server.databaseUrl);
}

export async function createOperator(
  server: TestServer,
  name: string,
  role: OperatorProfile['role'] = 'operator',
): Promise<OperatorProfile> {
  const email = `${name.toLowerCase()}@example.com`;
  const password = `pw-${name}`;
  PASSWORDS[email] = password;
  return server.app.store.operators.create({
    name,
    email,
    passwordHash: await hashPassword(password),
    role,
    notify: 'inbox',
  });
}

/** A WebSocket client that records every frame it receives and can wait for one. */
export class Client {
  readonly frames: ServerToClient[] = [];
  private waiters: Array<{ test: (f: ServerToClient) => boolean; resolve: (f: ServerToClient) => void }> = [];
  private counter = 0;

  constructor(readonly socket: WebSocket) {
    socket.on('message', (data) => {
      const frame = JSON.parse(data.toString()) as ServerToClient;
      this.frames.push(frame);
      this.waiters = this.waiters.filter((waiter) => {
        if (!waiter.test(frame)) return true;
        waiter.resolve(frame);
        return false;
      });
    });
  }

  static connect(url: string, headers: Record<string, string>): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      const client = new Client(socket);
      socket.once('open', () => resolve(client));
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused: ${res.statusCode}`)));
      socket.once('error', reject);
    });
  }

  nextId(): string {
    this.counter += 1;
    return `f${this.counter}`;
  }

  send(frame: ClientToServer | Record<string, unknown>): void {
    this.socket.send(JSON.stringify(frame));
  }

  sendRaw(data: string): void {
    this.socket.send(data);
  }

  /** Resolves with the first frame (already received or still to come) that passes the test. */
  wait<T extends ServerToClient['type']>(
    type: T,
    test: (frame: Extract<ServerToClient, { type: T }>) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<Extract<ServerToClient, { type: T }>> {
    type F = Extract<ServerToClient, { type: T }>;
    const matches = (frame: ServerToClient): frame is F => frame.type === type && test(frame as F);
    const seen = this.frames.find(matches);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${type}`)), timeoutMs);
      this.waiters.push({
        test: matches,
        resolve: (frame) => {
          clearTimeout(timer);
          resolve(frame as F);
        },
      });
    });
  }

  of<T extends ServerToClient['type']>(type: T): Array<Extract<ServerToClient, { type: T }>> {
    return this.frames.filter((frame): frame is Extract<ServerToClient, { type: T }> => frame.type === type);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      this.socket.once('close', () => resolve());
      this.socket.close();
    });
  }
}

export interface VisitorHandle {
  token: string;
  visitorId: string;
  connect(): Promise<Client>;
}

export async function newVisitor(server: Reachable, origin = SITE_ORIGIN): Promise<VisitorHandle> {
  const response = await fetch(`${server.url}/api/sites/shop/visitors`, { method: 'POST', headers: { origin } });
  if (response.status !== 201) throw new Error(`mint failed: ${response.status}`);
  const { token, visitorId } = (await response.json()) as { token: string; visitorId: string };
  return {
    token,
    visitorId,
    async connect() {
      const client = await Client.connect(visitorUrl(server, token), { origin });
      await client.wait('welcome');
      return client;
    },
  };
}

export const visitorUrl = (server: Reachable, token: string, site = 'shop') =>
  `${server.url.replace('http', 'ws')}/ws/visitor?site=${site}&token=${encodeURIComponent(token)}`;

export async function loginCookie(server: Reachable, email: string): Promise<string> {
  const response = await fetch(`${server.url}/api/operator/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORDS[email] }),
  });
  if (response.status !== 200) throw new Error(`login failed: ${response.status}`);
  const cookie = response.headers.get('set-cookie') ?? '';
  return cookie.split(';')[0] ?? '';
}

export async function connectOperator(server: Reachable, operator: OperatorProfile): Promise<Client> {
  const cookie = await loginCookie(server, operator.email);
  const client = await Client.connect(`${server.url.replace('http', 'ws')}/ws/operator`, {
    origin: server.origin,
    cookie,
  });
  await client.wait('welcome');
  return client;
}

/** Sends a visitor message and waits for its ack. */
export async function say(client: Client, body: string, clientId = `c-${Math.random().toString(36).slice(2)}`) {
  const id = client.nextId();
  client.send({ type: 'message.send', id, clientId, body });
  return (await client.wait('message.ack', (ack) => ack.id === id)).message;
}

/** Sends an operator message and waits for its ack. */
export async function reply(
  client: Client,
  conversationId: string,
  body: string,
  visibility: 'public' | 'operator' = 'public',
) {
  const id = client.nextId();
  client.send({ type: 'message.send', id, conversationId, clientId: `o-${id}-${Date.now()}`, body, visibility });
  return (await client.wait('message.ack', (ack) => ack.id === id)).message;
}

export async function sync(client: Client, afterSeq: number, conversationId?: string) {
  const id = client.nextId();
  client.send(conversationId ? { type: 'sync', id, conversationId, afterSeq } : { type: 'sync', id, afterSeq });
  return client.wait('sync.result', (result) => result.id === id);
}

export const settle = (ms = 100) => new Promise((resolve) => setTimeout(resolve, ms));

/** Sets the operator online or away, as the status control does; away operators get no queued chats. */
export async function setAvailability(server: Reachable, operator: OperatorProfile, status: 'online' | 'away') {
  const response = await fetch(`${server.url}/api/operator/me/status`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: await loginCookie(server, operator.email) },
    body: JSON.stringify({ status }),
  });
  if (response.status !== 200) throw new Error(`status change failed: ${response.status}`);
}

/** A system line ("Alice joined") is the server's, not a participant's. */
export const spoken = <T extends { author: { kind: string } }>(messages: readonly T[]): T[] =>
  messages.filter((message) => message.author.kind !== 'system');

/**
 * The tables that hold what people stored, on whichever store the server uses. Left out: the word
 * indexes (SQLite's FTS5 tables and their shadows, which merge when idle, and PostgreSQL's
 * conversation_search of tsvectors), which are checked by searching them, and the jobs table, where
 * background passes note when they last ran.
 */
export async function dataTables(server: TestServer): Promise<string[]> {
  const rows = await server.sql<{ name: string }>(
    server.databaseUrl
      ? `SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()
         AND tablename NOT IN ('conversation_search', 'jobs')`
      : `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'
         AND name NOT LIKE '%_fts%' AND name NOT LIKE 'conversation_search_%' AND name <> 'conversation_search'`,
  );
  return rows.map((row) => row.name).sort();
}

/**
 * Every row of every table but those left out, as one text, on whichever store the server uses: what a
 * refused request must leave as it was.
 */
export async function everyRow(server: TestServer, leftOut: readonly string[] = []): Promise<string> {
  const lines: string[] = [];
  for (const name of await dataTables(server)) {
    if (leftOut.includes(name)) continue;
    // Sorted here: some tables have no rowid to order by.
    const rows = (await server.sql(`SELECT * FROM "${name}"`)).map((row) => JSON.stringify(row)).sort();
    lines.push(`${name} (${rows.length})`, ...rows);
  }
  return lines.join('\n');
}
