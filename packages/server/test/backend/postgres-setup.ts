// Global setup of the server suite on PostgreSQL: one throwaway cluster for the run, and a database
// migrated once that every test server copies (a copy takes a moment; migrating again would not).

import type { TestProject } from 'vitest/node';
import { PgDb } from '../../src/db/postgres/connection.ts';
import { migrate } from '../../src/db/postgres/migrate.ts';
import { startPostgres } from '../nodes/postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated database test servers copy; absent when the suite runs on SQLite. */
    postgresTemplate?: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgres();
  const template = new PgDb(cluster.url);
  await migrate(template.pool);
  // CREATE DATABASE … TEMPLATE needs the template without connections.
  await template.close();
  project.provide('postgresTemplate', cluster.url);
  return () => cluster.stop();
}
