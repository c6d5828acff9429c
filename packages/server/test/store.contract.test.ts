// The Store contract on the store the run uses: each test on a new SQLite file in a temporary folder,
// or, when the suite runs on PostgreSQL, on a database of its own copied from the run's migrated one.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { type OpenedStore, storeContract } from '../src/db/contract/store.contract.ts';
import { PgDb } from '../src/db/postgres/connection.ts';
import { postgresStore } from '../src/db/postgres/store.ts';
import { openDatabase } from '../src/db/sqlite/connection.ts';
import { sqliteStore } from '../src/db/sqlite/store.ts';
import { dropTestDatabase, newTestDatabase } from './backend/database.ts';

/** The one place that builds a SQLite store for the contract. */
async function openSqliteStore(): Promise<OpenedStore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-store-'));
  // NORMAL: the contract is about what is stored, not about surviving a power cut; FULL only costs time here.
  const db = openDatabase({ dataDir, synchronous: 'NORMAL' });
  return {
    store: sqliteStore(db),
    close: async () => {
      db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The run's store: PostgreSQL when the run has a cluster, else SQLite. */
async function openRunStore(): Promise<OpenedStore> {
  const url = await newTestDatabase();
  if (!url) return openSqliteStore();
  const db = new PgDb(url);
  return {
    store: postgresStore(db),
    close: async () => {
      await db.close();
      await dropTestDatabase(url);
    },
  };
}

storeContract(inject('postgresTemplate') ? 'PostgreSQL' : 'SQLite', openRunStore);
