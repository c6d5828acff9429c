// A store on the suite's backend that a test opens itself, to give to an app: a database of its own
// on PostgreSQL, or a SQLite file in the folder given.

import { openPostgresStore } from '../../src/db/postgres/index.ts';
import { openSqliteStore } from '../../src/db/sqlite/index.ts';
import type { Store } from '../../src/db/store.ts';
import { dropTestDatabase, newTestDatabase } from './database.ts';

export interface SuiteStore {
  store: Store;
  /** Closes the store, and drops its database if it made one. */
  close(): Promise<void>;
}

export async function openSuiteStore(dataDir: string): Promise<SuiteStore> {
  const databaseUrl = await newTestDatabase();
  const opened = databaseUrl
    ? await openPostgresStore(databaseUrl)
    : openSqliteStore({ dataDir, synchronous: 'NORMAL' });
  return {
    store: opened.store,
    close: async () => {
      await opened.close();
      if (databaseUrl) await dropTestDatabase(databaseUrl);
    },
  };
}
