// A consistent copy of the live SQLite file, taken while the server runs.

import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export interface BackupRequest {
  target: string;
  force: boolean;
}

/** The largest step better-sqlite3 accepts: every remaining page at once. */
const ALL_PAGES = 0x7fffffff;

/**
 * SQLite's online backup API. Copied in small steps it would start over whenever the server wrote
 * in between, and a busy server could keep it from ever finishing; copied in one step it reads one
 * snapshot, which in WAL mode the server's writes do not wait for. It goes to a temporary name
 * first: FILE is either the whole copy or untouched.
 */
export async function backupDatabase(dataDir: string, { target, force }: BackupRequest): Promise<number> {
  const source = join(dataDir, 'livechat.sqlite');
  if (!existsSync(source)) throw new Error(`no database at ${source} (DATA_DIR is ${dataDir})`);
  if (existsSync(target) && !force) throw new Error(`${target} exists; add --force to replace it`);
  const partial = `${target}.partial-${process.pid}`;
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(partial, { progress: () => ALL_PAGES });
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  } finally {
    db.close();
  }
  // A single self-contained file (no -wal beside it) is what a restore copies back.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  const check = copy.pragma('integrity_check', { simple: true });
  copy.close();
  if (check !== 'ok') {
    rmSync(partial, { force: true });
    throw new Error(`the copy failed its integrity check: ${String(check)}`);
  }
  renameSync(partial, target);
  return statSync(target).size;
}
