// PgDb's transactions at their edges: work they start that outlives them, and a connection that breaks.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDb } from '../../src/db/postgres/connection.ts';
import { migrate } from '../../src/db/postgres/migrate.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
  const db = new PgDb(server.url);
  await migrate(db.pool);
  await db.close();
});

afterAll(() => server?.stop());

const aFewTurns = async (): Promise<void> => {
  for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
};

describe('PgDb transactions', () => {
  it('runs what a committed transaction started on the pool, never inside the next transaction', async () => {
    // One connection: the next transaction gets the very connection the first one handed back.
    const db = new PgDb(await server.newDatabase(server.url), { max: 1 });
    try {
      let open = () => {};
      const gate = new Promise<void>((resolve) => {
        open = resolve;
      });
      let followUp: Promise<number> = Promise.resolve(0);
      await db.transaction(async () => {
        // A bus subscriber's follow-up, say: it keeps the transaction's context but runs after it.
        followUp = gate.then(() => db.run("INSERT INTO jobs (name) VALUES ('written after the commit')"));
      });
      await expect(
        db.transaction(async () => {
          open();
          await aFewTurns();
          throw new Error('this transaction rolls back');
        }),
      ).rejects.toThrow('this transaction rolls back');
      expect(await followUp).toBe(1);
      expect(await db.query('SELECT name FROM jobs')).toEqual([{ name: 'written after the commit' }]);
    } finally {
      await db.close();
    }
  });

  it('fails a transaction whose connection the server ended, and goes on with a new connection', async () => {
    const url = new URL(await server.newDatabase(server.url));
    url.searchParams.set('application_name', 'ended');
    const db = new PgDb(url.toString(), { max: 1 });
    try {
      await expect(
        db.transaction(async () => {
          await db.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'ended'");
          await aFewTurns();
          await db.query('SELECT 1');
        }),
      ).rejects.toThrow();
      expect(await db.query('SELECT 1 AS alive')).toEqual([{ alive: 1 }]);
    } finally {
      await db.close();
    }
  });
});
