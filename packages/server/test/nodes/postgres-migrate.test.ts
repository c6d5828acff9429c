// PostgreSQL's migrations on a real cluster: applied once, in order, even when nodes start together.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, migrationsIn } from '../../src/db/postgres/migrate.ts';
import { POSTGRES_MIGRATIONS_DIR } from '../../src/paths.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer;
const pools: pg.Pool[] = [];
const folders: string[] = [];

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(async () => {
  await Promise.all(pools.map((pool) => pool.end()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  await server?.stop();
});

/** A pool on a database of its own, as a node would open it. */
function node(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url });
  pools.push(pool);
  return pool;
}

/** A folder of migrations written for the test. */
function migrations(files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'livechat-pg-migrations-'));
  folders.push(folder);
  for (const [name, sql] of Object.entries(files)) writeFileSync(join(folder, name), sql);
  return folder;
}

async function recorded(pool: pg.Pool): Promise<number[]> {
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  return rows.map((row) => row.version);
}

describe('PostgreSQL migrations', () => {
  it("apply the server's own once: a second start finds nothing to do", async () => {
    const pool = node(await server.newDatabase());
    // All of the server's own, whichever the ports add: each starts with what the one before left.
    const own = migrationsIn(POSTGRES_MIGRATIONS_DIR);
    expect(own[0]?.file).toBe('001_file_bytes.sql');
    expect(await migrate(pool)).toEqual(own.map((migration) => migration.file));
    expect(await migrate(pool)).toEqual([]);
    expect(await recorded(pool)).toEqual(own.map((migration) => migration.version));
    const { rows } = await pool.query("SELECT to_regclass('file_bytes') IS NOT NULL AS present");
    expect(rows[0]).toEqual({ present: true });
  });

  it('are applied by one of two nodes starting at once, while the other waits and applies none', async () => {
    const url = await server.newDatabase();
    const [a, b] = [node(url), node(url)];
    const applied = await Promise.all([migrate(a), migrate(b)]);
    const own = migrationsIn(POSTGRES_MIGRATIONS_DIR);
    expect(applied.map((files) => files.length).sort((x, y) => x - y)).toEqual([0, own.length]);
    expect(await recorded(a)).toEqual(own.map((migration) => migration.version));
  });

  it('run in the order of their numbers, not of their names', async () => {
    const folder = migrations({
      '2_fill.sql': "INSERT INTO steps (name) VALUES ('second');",
      '10_more.sql': "INSERT INTO steps (name) VALUES ('third');",
      '1_create.sql': 'CREATE TABLE steps (n serial PRIMARY KEY, name text NOT NULL);',
    });
    const pool = node(await server.newDatabase());
    expect(await migrate(pool, folder)).toEqual(['1_create.sql', '2_fill.sql', '10_more.sql']);
    const { rows } = await pool.query<{ name: string }>('SELECT name FROM steps ORDER BY n');
    expect(rows.map((row) => row.name)).toEqual(['second', 'third']);
  });

  it('leave the database as it was when one of them fails', async () => {
    const folder = migrations({
      '1_create.sql': 'CREATE TABLE kept (n integer);',
      '2_broken.sql': 'CREATE TABLE nonsense (n no_such_type);',
    });
    const pool = node(await server.newDatabase());
    await expect(migrate(pool, folder)).rejects.toThrow('no_such_type');
    const { rows } = await pool.query("SELECT to_regclass('kept') IS NULL AS absent");
    expect(rows[0]).toEqual({ absent: true });
  });

  it('refuse two files of one number', () => {
    const folder = migrations({ '1_a.sql': 'SELECT 1;', '001_b.sql': 'SELECT 2;' });
    expect(() => migrationsIn(folder)).toThrow('two migrations numbered 1');
  });
});
