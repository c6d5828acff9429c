// The SQLite store against the Store contract, each test on a new database file in a temporary folder.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/sqlite/connection.ts';
import { type OpenedStore, storeContract } from '../src/db/contract/store.contract.ts';
import { sqliteStore } from '../src/db/sqlite/store.ts';

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

storeContract('SQLite', openSqliteStore);
