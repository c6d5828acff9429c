// The default store: SQLite in the data folder, migrated on open; what the server and the admin command line use.

import type { Config } from '../../config.ts';
import type { Store } from '../store.ts';
import { type Db, openDatabase } from './connection.ts';
import { sqliteStore } from './store.ts';

export type { Db };

export interface SqliteStore {
  store: Store;
  /** The connection itself, for what runs SQL beside the repositories (tests, the bench). */
  db: Db;
  close(): void;
}

export function openSqliteStore({ dataDir, synchronous }: Pick<Config, 'dataDir' | 'synchronous'>): SqliteStore {
  const db = openDatabase({ dataDir, synchronous });
  return { store: sqliteStore(db), db, close: () => db.close() };
}
