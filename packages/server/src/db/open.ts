// The store the configuration names: PostgreSQL at DATABASE_URL, or SQLite in the data folder.

import type { Config } from '../config.ts';
import type { FileStorage } from '../files/storage.ts';
import { openPostgresStore } from './postgres/index.ts';
import { type Db, openSqliteStore } from './sqlite/index.ts';
import type { Store } from './store.ts';

export interface OpenedStore {
  store: Store;
  /** The SQLite connection, for tests; null on PostgreSQL. */
  db: Db | null;
  /** Where files go when the store keeps them too (PostgreSQL), so that every node reads them. */
  files: FileStorage | null;
  close(): Promise<void>;
}

/**
 * What the server and the admin command line work on. PostgreSQL is migrated on open, once however
 * many nodes start together; SQLite too, in its single process.
 */
export async function openStore(config: Pick<Config, 'databaseUrl' | 'dataDir' | 'synchronous'>): Promise<OpenedStore> {
  if (config.databaseUrl) {
    const { store, files, close } = await openPostgresStore(config.databaseUrl);
    return { store, db: null, files, close };
  }
  const { store, db } = openSqliteStore(config);
  return {
    store,
    db,
    files: null,
    close: async () => {
      db.close();
    },
  };
}
