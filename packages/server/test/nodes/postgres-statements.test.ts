// PgDb prepares a statement with parameters once per connection, and no more texts than it is allowed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDb } from '../../src/db/postgres/connection.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
});

afterAll(() => server?.stop());

/** The statements the pool's one connection holds prepared, with how often each was run. */
const prepared = (db: PgDb) =>
  db.query<{ statement: string; runs: number }>(
    `SELECT statement, generic_plans + custom_plans AS runs FROM pg_prepared_statements ORDER BY statement`,
  );

describe('PgDb statements', () => {
  it('prepares a statement with parameters once on a connection and runs it again by name', async () => {
    const db = new PgDb(server.url, { max: 1 });
    try {
      for (const n of [1, 2, 3]) expect(await db.one('SELECT $1::int + 1 AS next', [n])).toEqual({ next: n + 1 });
      expect(await prepared(db)).toEqual([{ statement: 'SELECT $1::int + 1 AS next', runs: 3 }]);
    } finally {
      await db.close();
    }
  });

  it('runs texts past its limit without preparing them, with the same answers', async () => {
    const db = new PgDb(server.url, { max: 1, prepared: 2 });
    try {
      for (const n of [1, 2, 3, 4]) {
        // Four different texts: the first two are prepared, the others parsed each time.
        expect(await db.one(`SELECT $1::int * ${n} AS product`, [10])).toEqual({ product: 10 * n });
        expect(await db.one(`SELECT $1::int * ${n} AS product`, [20])).toEqual({ product: 20 * n });
      }
      expect((await prepared(db)).map((row) => row.statement)).toEqual([
        'SELECT $1::int * 1 AS product',
        'SELECT $1::int * 2 AS product',
      ]);
    } finally {
      await db.close();
    }
  });

  it('keeps an idle connection open, with what it prepared', async () => {
    const db = new PgDb(server.url, { max: 1 });
    try {
      const before = await db.one<{ pid: number }>('SELECT pg_backend_pid() AS pid, $1::int AS n', [1]);
      // pg closes a pool's idle connections after 10 s unless told not to.
      await new Promise((resolve) => setTimeout(resolve, 10_500));
      expect(await db.one('SELECT pg_backend_pid() AS pid, $1::int AS n', [1])).toEqual(before);
    } finally {
      await db.close();
    }
  }, 20_000);
});
