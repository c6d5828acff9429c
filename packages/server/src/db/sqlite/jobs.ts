// Background work's locks on SQLite: one process owns the database file, so locks within the process suffice.

import { InProcessJobs } from '../../jobs/in-process.ts';

/** SQLite serves one node by design (see db/postgres/jobs.ts for many). */
export class SqliteJobRepository extends InProcessJobs {}
