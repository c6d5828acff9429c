// Which database a test server stores in: SQLite in its data folder (the default), or, when the suite
// runs on PostgreSQL, a database of its own copied from the run's migrated template.

import { nanoid } from 'nanoid';
import pg from 'pg';
import { inject } from 'vitest';

const nameOf = (url: string): string => new URL(url).pathname.slice(1);

/** Runs one statement on the cluster's maintenance database, beside the one it creates or drops. */
async function onCluster(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).href });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A fresh database for one test server, or null on SQLite. */
export async function newTestDatabase(): Promise<string | null> {
  const template = inject('postgresTemplate');
  if (!template) return null;
  const name = `livechat_${nanoid(12)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '_')}`;
  await onCluster(template, `CREATE DATABASE ${name} TEMPLATE ${nameOf(template)}`);
  return Object.assign(new URL(template), { pathname: `/${name}` }).href;
}

/** Drops a test server's database once the server has let go of it: a run makes hundreds. */
export async function dropTestDatabase(url: string): Promise<void> {
  await onCluster(url, `DROP DATABASE IF EXISTS ${nameOf(url)} WITH (FORCE)`);
}

/** `?` placeholders as PostgreSQL's `$1, $2…`, so that a test's SQL reads the same on both stores. */
export const numbered = (sql: string): string => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};
