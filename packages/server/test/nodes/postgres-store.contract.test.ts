// The PostgreSQL store against the Store contract: one cluster for the file, and each test on a
// database of its own, copied from one migrated once.

import { afterAll, beforeAll } from 'vitest';
import { PgDb } from '../../src/db/postgres/connection.ts';
import { migrate } from '../../src/db/postgres/migrate.ts';
import { postgresStore } from '../../src/db/postgres/store.ts';
import { type OpenedStore, storeContract } from '../../src/db/contract/store.contract.ts';
import { dropTestDatabase } from '../backend/database.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer;

beforeAll(async () => {
  server = await startPostgres();
  const migrated = new PgDb(server.url);
  await migrate(migrated.pool);
  await migrated.close();
});

afterAll(() => server?.stop());

async function openPostgresStore(): Promise<OpenedStore> {
  const url = await server.newDatabase(server.url);
  const db = new PgDb(url);
  return {
    store: postgresStore(db),
    // Dropped at once: the run makes one database per test, and a cluster full of them is slow to remove.
    close: async () => {
      await db.close();
      await dropTestDatabase(url);
    },
  };
}

storeContract('PostgreSQL', openPostgresStore);
