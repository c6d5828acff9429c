// The reports' query on SQLite reads the period's conversations through their indexes: SQLite's plan of
// SQLite's query, on a database of its own with no server.

import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/db/sqlite/connection.ts';
import { CONVERSATION_FACTS } from '../src/db/sqlite/reports.ts';

describe('the query on SQLite', () => {
  it('finds the period’s conversations through the indexes by creation and by closing time, and messages by key', () => {
    const db = new Database(':memory:');
    migrate(db);
    const plan = db
      .prepare(`EXPLAIN QUERY PLAN ${CONVERSATION_FACTS}`)
      .all({ from: '2030-01-01T00:00:00.000Z', to: '2030-01-08T00:00:00.000Z' }) as Array<{ detail: string }>;
    db.close();
    const steps = plan.map((step) => step.detail).join('\n');
    expect(steps).toMatch(/SEARCH conversations USING (COVERING )?INDEX conversations_by_created/);
    expect(steps).toMatch(/SEARCH conversations USING (COVERING )?INDEX conversations_by_closed/);
    expect(steps).not.toMatch(/SCAN (conversations|c|messages|m|question|r)\b/);
  });
});
