import { defineConfig } from 'vitest/config';

// The server's integration suite once more, on PostgreSQL: each test server stores in a database of its
// own, copied from one the global setup migrated in a throwaway cluster (`apt-get install -y postgresql`,
// or PG_BIN=folder of initdb). `npm test` runs the same files on SQLite.
export default defineConfig({
  test: {
    include: ['packages/server/test/*.test.ts'],
    exclude: [
      // `npm run backup` copies the SQLite file with SQLite's online backup; PostgreSQL is backed up
      // with its own tools (pg_dump), which no test here runs.
      'packages/server/test/backup.test.ts',
      // SQLite's own migrations on databases SQLite servers left behind; PostgreSQL's are
      // test/nodes/postgres-migrate.test.ts.
      'packages/server/test/migrations.test.ts',
      // FTS5's segment merges; PostgreSQL's GIN index has no segments, so there is nothing to merge.
      'packages/server/test/search-merge.test.ts',
      // SQLite's mail-queue migration, FTS5's tokenizer and SQLite's plan of the reports' query, each on
      // a SQLite database of its own with no server: they would only run again on SQLite.
      'packages/server/test/mail-out-migration.test.ts',
      'packages/server/test/reports-query-plan.test.ts',
      'packages/server/test/ticket-search-words.test.ts',
    ],
    globalSetup: ['packages/server/test/backend/postgres-setup.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
