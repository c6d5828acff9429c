// Applies PostgreSQL's numbered migrations not yet recorded, once, however many nodes start together.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { POSTGRES_MIGRATIONS_DIR } from '../../paths.ts';

interface Migration {
  version: number;
  file: string;
}

/** The files named `NNN_what.sql`, in the order of their numbers; two files of one number are a mistake. */
export function migrationsIn(dir: string): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => ({ file, match: /^(\d+)_.+\.sql$/.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), file }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, i) => {
    if (i > 0 && migrations[i - 1]?.version === migration.version) {
      throw new Error(`two migrations numbered ${migration.version} in ${dir}`);
    }
  });
  return migrations;
}

async function appliedVersions(client: PoolClient): Promise<Set<number>> {
  await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY,
    file text NOT NULL,
    applied_at timestamptz NOT NULL DEFAULT now()
  )`);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
  return new Set(rows.map((row) => row.version));
}

/**
 * Applies the pending migrations in order, all in one transaction, and returns their files. The
 * transaction first takes an advisory lock, so a second node starting at the same moment waits, then
 * finds them recorded and applies nothing; a failing migration leaves the database as it was.
 */
export async function migrate(pool: Pool, dir: string = POSTGRES_MIGRATIONS_DIR): Promise<string[]> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("SELECT pg_advisory_xact_lock(hashtext('livechat:migrate'))");
    const applied = await appliedVersions(client);
    const pending = migrationsIn(dir).filter((migration) => !applied.has(migration.version));
    for (const { version, file } of pending) {
      await client.query(readFileSync(join(dir, file), 'utf8'));
      await client.query('INSERT INTO schema_migrations (version, file) VALUES ($1, $2)', [version, file]);
    }
    await client.query('COMMIT');
    return pending.map((migration) => migration.file);
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {});
    throw err;
  } finally {
    client.release();
  }
}
