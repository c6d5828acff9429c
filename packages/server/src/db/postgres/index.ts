// The store for many nodes: PostgreSQL at DATABASE_URL, migrated on open (once, however many nodes start).

import type { Store } from '../store.ts';
import { PgDb } from './connection.ts';
import { PostgresFileStorage } from './files.ts';
import { migrate } from './migrate.ts';
import { postgresStore } from './store.ts';

export interface PostgresStore {
  store: Store;
  /** Attachments' bytes, in the same database, which every node reads alike. */
  files: PostgresFileStorage;
  db: PgDb;
  close(): Promise<void>;
}

export async function openPostgresStore(url: string): Promise<PostgresStore> {
  const db = new PgDb(url);
  try {
    await migrate(db.pool);
  } catch (err) {
    await db.close();
    throw err;
  }
  return { store: postgresStore(db), files: new PostgresFileStorage(db.pool), db, close: () => db.close() };
}
