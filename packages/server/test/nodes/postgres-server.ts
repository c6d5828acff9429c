// A throwaway PostgreSQL cluster of the tests' own in a temporary folder, on a free loopback port.

import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nanoid } from 'nanoid';
import pg from 'pg';
import { freePort } from '../free-port.ts';

export interface PostgresServer {
  /** A database made for this test run: `postgres://postgres@127.0.0.1:PORT/NAME`. */
  url: string;
  /**
   * Another database on the same cluster: empty, for a test that must start from nothing, or a copy of
   * the database at `template` (whose connections must be closed), which is much faster than migrating again.
   */
  newDatabase(template?: string): Promise<string>;
  /** Stops the cluster and removes its folder. */
  stop(): Promise<void>;
}

/** The binaries of the newest PostgreSQL Debian installed, unless PG_BIN names a folder. */
function binaries(): string {
  const chosen = process.env.PG_BIN;
  const candidates = chosen
    ? [chosen]
    : readdirSafe('/usr/lib/postgresql')
        .filter((version) => /^\d+$/.test(version))
        .sort((a, b) => Number(b) - Number(a))
        .map((version) => join('/usr/lib/postgresql', version, 'bin'));
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl')));
  if (!found) {
    throw new Error(
      `these tests need PostgreSQL 15 or later, whose initdb and pg_ctl were not found in ${
        chosen ?? '/usr/lib/postgresql/*/bin'
      }: install it (apt-get install -y postgresql) or set PG_BIN to the folder of its binaries`,
    );
  }
  return found;
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user. */
function runner(): { prefix: string[]; owner?: { uid: number; gid: number } } {
  if (process.getuid?.() !== 0) return { prefix: [] };
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  const uid = id('-u');
  if (!Number.isInteger(uid) || uid === 0) {
    throw new Error('as root these tests run PostgreSQL as the "postgres" user, which does not exist here');
  }
  return { prefix: ['runuser', '-u', 'postgres', '--'], owner: { uid, gid: id('-g') } };
}

/** Runs one of the binaries as the cluster's owner, failing with its output. */
function must(prefix: string[], command: string, args: string[]): void {
  const [program, ...rest] = [...prefix, command, ...args];
  const result = spawnSync(program as string, rest, { encoding: 'utf8' });
  if (result.error || result.status !== 0) {
    throw new Error(`${command} failed (${result.error?.message ?? result.status}):\n${result.stdout}${result.stderr}`);
  }
}

async function createDatabase(port: number, template?: string): Promise<string> {
  const name = `livechat_${nanoid(10)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')}`;
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
  await admin.connect();
  try {
    const from = template ? ` TEMPLATE ${new URL(template).pathname.slice(1)}` : '';
    await admin.query(`CREATE DATABASE ${name}${from}`);
  } finally {
    await admin.end();
  }
  return `postgres://postgres@127.0.0.1:${port}/${name}`;
}

export interface PostgresOptions {
  /**
   * Keeps PostgreSQL's own durability settings (fsync, synchronous commit, full pages), for the bench,
   * which compares it with SQLite syncing every commit; tests leave it off and run faster.
   */
  durable?: boolean;
}

export async function startPostgres({ durable = false }: PostgresOptions = {}): Promise<PostgresServer> {
  const bin = binaries();
  const { prefix, owner } = runner();
  const root = mkdtempSync(join(tmpdir(), 'livechat-pg-'));
  if (owner) chownSync(root, owner.uid, owner.gid);
  const data = join(root, 'data');
  const port = await freePort();
  const pgCtl = join(bin, 'pg_ctl');
  const stopNow = () => {
    const [program, ...rest] = [...prefix, pgCtl, '-D', data, '-m', 'immediate', '-w', 'stop'];
    spawnSync(program as string, rest, { stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  };
  try {
    must(prefix, join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
    // Durability is worth nothing to a cluster thrown away after the tests; start-up and writes get faster.
    const fast = ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off', '-c shared_buffers=16MB'];
    const options = [`-p ${port}`, '-h 127.0.0.1', `-k ${root}`, ...(durable ? [] : fast)].join(' ');
    must(prefix, pgCtl, ['-D', data, '-l', join(root, 'log'), '-o', options, '-w', '-t', '30', 'start']);
  } catch (err) {
    rmSync(root, { recursive: true, force: true });
    throw err;
  }
  // A test process that ends without its afterAll still leaves no server behind.
  process.once('exit', stopNow);
  return {
    url: await createDatabase(port),
    newDatabase: (template?: string) => createDatabase(port, template),
    stop: async () => {
      process.off('exit', stopNow);
      stopNow();
    },
  };
}
