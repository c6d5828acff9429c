// Opens the SQLite file, sets the pragmas the server relies on and applies pending migrations.

import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Synchronous } from '../../config.ts';
import { MIGRATIONS_DIR } from '../../paths.ts';

export type Db = Database.Database;

export interface OpenOptions {
  dataDir: string;
  synchronous: Synchronous;
}

export function openDatabase({ dataDir, synchronous }: OpenOptions): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'livechat.sqlite'));
  db.pragma('journal_mode = WAL');
  // FULL: an acknowledged message survives a machine crash, not only a process crash.
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // A checkpoint copies the pages the WAL holds into the database and syncs it, inside whichever
  // commit crosses the threshold. Pages written over and over (the newest messages of the open
  // conversations) are copied once, so ten times the pages takes only two to three times as long:
  // here about 6 ms for 1,000 pages (SQLite's default, every 300 messages or so) and 12-17 ms for
  // 10,000. A fifth of the checkpointing, in pauses ten times rarer; the WAL grows to about 40 MB.
  db.pragma('wal_autocheckpoint = 10000');
  migrate(db);
  return db;
}

/** Applies the numbered SQL files not yet recorded, each in its own transaction. */
export function migrate(db: Db): string[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version TEXT PRIMARY KEY,
    applied_at TEXT NOT NULL
  ) STRICT`);
  const applied = new Set(
    db
      .prepare<[], { version: string }>('SELECT version FROM schema_migrations')
      .all()
      .map((row) => row.version),
  );
  const files = readdirSync(MIGRATIONS_DIR)
    .filter((name) => /^\d+_.+\.sql$/.test(name))
    .sort();
  const record = db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)');
  const newlyApplied: string[] = [];
  for (const file of files) {
    if (applied.has(file)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    db.transaction(() => {
      db.exec(sql);
      record.run(file, new Date().toISOString());
    })();
    newlyApplied.push(file);
  }
  return newlyApplied;
}
