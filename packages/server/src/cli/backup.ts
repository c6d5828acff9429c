// `npm run backup -- FILE [--force]`: a consistent copy of the live database, taken while the server runs.

import { resolve } from 'node:path';
import { loadConfig } from '../config.ts';
import { type BackupRequest, backupDatabase } from '../db/sqlite/backup.ts';

const USAGE = 'usage: npm run backup -- FILE [--force]';

/** Reads `FILE [--force]`; anything else is refused with the usage. */
export function parseBackupArgs(argv: readonly string[]): BackupRequest | string {
  const force = argv.includes('--force');
  const rest = argv.filter((arg) => arg !== '--force');
  if (rest.length !== 1 || rest[0]?.startsWith('-')) return USAGE;
  return { target: resolve(rest[0] ?? ''), force };
}

function size(bytes: number): string {
  return bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function main(): Promise<void> {
  const request = parseBackupArgs(process.argv.slice(2));
  if (typeof request === 'string') {
    console.error(request);
    process.exit(2);
  }
  const { dataDir, databaseUrl } = loadConfig();
  if (databaseUrl) {
    console.error('backup copies the SQLite file; with DATABASE_URL, back up PostgreSQL with pg_dump (docs/DEPLOY.md)');
    process.exit(2);
  }
  try {
    const bytes = await backupDatabase(dataDir, request);
    console.log(`backup written to ${request.target} (${size(bytes)}), integrity check ok`);
  } catch (error) {
    console.error(`backup failed: ${(error as Error).message}`);
    process.exit(1);
  }
}

await main();
