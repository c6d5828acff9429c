// Server nodes as real processes (src/main.ts) on one PostgreSQL and one Redis of the test's own,
// with the site and operators made through the Store, as the admin command line makes them.

import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OperatorProfile } from '@livechat/protocol';
import { openPostgresStore, type PostgresStore } from '../../src/db/postgres/index.ts';
import { SERVER_PACKAGE } from '../../src/paths.ts';
import { hashPassword } from '../../src/operators/passwords.ts';
import { PASSWORDS, SITE_ORIGIN } from '../harness.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';
import { type RedisServer, startRedis } from './redis-server.ts';
import { freePort } from '../free-port.ts';

export interface Node {
  url: string;
  origin: string;
  port: number;
  /** Ends the process at once, as a crash or the kernel would: no close frame, nothing flushed. */
  kill(): Promise<void>;
  stop(): Promise<void>;
}

export interface Cluster {
  postgres: PostgresServer;
  redis: RedisServer;
  /** The test's own view of the shared database. */
  db: PostgresStore;
  startNode(): Promise<Node>;
  createOperator(name: string, role?: OperatorProfile['role']): Promise<OperatorProfile>;
  stop(): Promise<void>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Waits until the node answers HTTP: main.ts listens only once the app is built and migrated. */
async function answering(url: string, child: ChildProcess, output: () => string): Promise<void> {
  for (let attempt = 0; attempt < 400; attempt += 1) {
    if (child.exitCode !== null) throw new Error(`the node exited (${child.exitCode}):\n${output()}`);
    try {
      await fetch(`${url}/api/operator/me`);
      return;
    } catch {
      await pause(50);
    }
  }
  child.kill('SIGKILL');
  throw new Error(`the node did not answer at ${url}:\n${output()}`);
}

async function spawnNode(databaseUrl: string, redisUrl: string): Promise<Node> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-node-'));
  const child = spawn(process.execPath, ['--import', 'tsx', join('src', 'main.ts')], {
    cwd: SERVER_PACKAGE,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // The tests' clients all come from loopback and send faster than people.
      LIMIT_MESSAGES_PER_TOKEN: '100000/1s',
      LIMIT_VISITORS_PER_IP: '100000/1s',
      LIMIT_CONVERSATIONS_PER_IP: '100000/1s',
      LIMIT_SOCKETS_PER_IP: '100000',
      LOGIN_FREE_FAILURES: '100000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const cleanUp = () => rmSync(dataDir, { recursive: true, force: true });
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  await answering(url, child, () => output);
  const end = async (signal: NodeJS.Signals) => {
    process.off('exit', killNow);
    const gone = exited(child);
    child.kill(signal);
    await gone;
    cleanUp();
  };
  return { url, origin: url, port, kill: () => end('SIGKILL'), stop: () => end('SIGTERM') };
}

export async function startCluster(): Promise<Cluster> {
  const [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
  // Migrated once here, before any node starts, as a deployment runs its migrations once.
  const db = await openPostgresStore(postgres.url);
  await db.store.sites.save({ id: 'shop', name: 'Shop', allowedOrigins: [SITE_ORIGIN] });
  const nodes: Node[] = [];
  return {
    postgres,
    redis,
    db,
    startNode: async () => {
      const node = await spawnNode(postgres.url, redis.url);
      nodes.push(node);
      return node;
    },
    createOperator: async (name, role = 'operator') => {
      const email = `${name.toLowerCase()}@example.com`;
      PASSWORDS[email] = `pw-${name}`;
      return db.store.operators.create({
        name,
        email,
        passwordHash: await hashPassword(PASSWORDS[email] as string),
        role,
        notify: 'inbox',
      });
    },
    stop: async () => {
      await Promise.all(nodes.map((node) => node.stop()));
      await db.close();
      await Promise.all([redis.stop(), postgres.stop()]);
    },
  };
}
