// Two PostgreSQL stores over one database, standing for two nodes: a job's name is held by one of them
// at a time, and a node that dies lets go of what it held.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PgDb } from '../../src/db/postgres/connection.ts';
import { PostgresJobRepository } from '../../src/db/postgres/jobs.ts';
import { migrate } from '../../src/db/postgres/migrate.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer;
let admin: PgDb;
const opened: PgDb[] = [];

beforeAll(async () => {
  server = await startPostgres();
  admin = new PgDb(server.url);
  await migrate(admin.pool);
});

afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.close().catch(() => {})));
});

afterAll(async () => {
  await admin?.close();
  await server?.stop();
});

/** A node's jobs: its own pool, named so that the test can find its connections. */
function aNode(name: string, connections = 10): { db: PgDb; jobs: PostgresJobRepository } {
  const url = new URL(server.url);
  url.searchParams.set('application_name', name);
  const db = new PgDb(url.toString(), { max: connections });
  opened.push(db);
  return { db, jobs: new PostgresJobRepository(db, name) };
}

function aGate(): { opened: Promise<void>; open(): void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Waits until a connection of the node waits for a row lock: its `exclusive` is in line. */
async function waitingForALock(node: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const waiting = await admin.one(
      "SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND wait_event_type = 'Lock'",
      [node],
    );
    if (waiting) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`${node} never waited for a lock`);
}

describe('jobs across nodes on one PostgreSQL', () => {
  it('makes one node’s exclusive work wait for the other’s, and runs it after', async () => {
    const a = aNode('node-a');
    const b = aNode('node-b');
    const log: string[] = [];
    const gate = aGate();
    const first = a.jobs.exclusive('queue-hand-out', async () => {
      log.push('a starts');
      await gate.opened;
      log.push('a ends');
    });
    while (log.length === 0) await new Promise((resolve) => setImmediate(resolve));
    const second = b.jobs.exclusive('queue-hand-out', async () => void log.push('b runs'));
    await waitingForALock('node-b');
    expect(log).toEqual(['a starts']);
    gate.open();
    await Promise.all([first, second]);
    expect(log).toEqual(['a starts', 'a ends', 'b runs']);
    // The job's row says who ran it last, for whoever looks into a stuck hand-out.
    expect(await admin.query('SELECT name, node FROM jobs')).toEqual([{ name: 'queue-hand-out', node: 'node-b' }]);
  });

  it('never lets works of one name overlap, however the calls of two nodes mix', async () => {
    const nodes = [aNode('node-a'), aNode('node-b')];
    let inside = 0;
    let most = 0;
    let done = 0;
    const work = async () => {
      inside++;
      most = Math.max(most, inside);
      await new Promise((resolve) => setImmediate(resolve));
      inside--;
      done++;
    };
    await Promise.all(Array.from({ length: 20 }, (_, i) => nodes[i % 2]?.jobs.exclusive('close:c1', work)));
    expect(done).toBe(20);
    expect(most).toBe(1);
    // One conversation's close leaves no row behind: the table does not grow with every conversation.
    expect(await admin.query("SELECT name FROM jobs WHERE name = 'close:c1'")).toEqual([]);
  });

  it('takes names never seen before with no connection but the transaction’s, however few the pool has', async () => {
    const a = aNode('node-a', 2);
    const closes = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) => a.jobs.exclusive(`close:${id}`, async () => id));
    expect(await Promise.all(closes)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('passes a periodic pass on one node while the other runs it, and runs it after', async () => {
    const a = aNode('node-a');
    const b = aNode('node-b');
    const gate = aGate();
    let started = false;
    const first = a.jobs.once('retention', async () => {
      started = true;
      await gate.opened;
    });
    while (!started) await new Promise((resolve) => setImmediate(resolve));
    expect(await b.jobs.once('retention', async () => {})).toBe(false);
    gate.open();
    expect(await first).toBe(true);
    expect(await b.jobs.once('retention', async () => {})).toBe(true);
  });

  it('lets go of what a node held once its connections are gone', async () => {
    const a = aNode('node-a');
    const b = aNode('node-b');
    const gate = aGate();
    let started = false;
    const dying = a.jobs.exclusive('mail', async () => {
      started = true;
      await gate.opened;
    });
    while (!started) await new Promise((resolve) => setImmediate(resolve));
    expect(await b.jobs.once('mail', async () => {})).toBe(false);

    // The node dies: the server ends its connections, as it does when their socket closes.
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'node-a'");
    expect(await b.jobs.exclusive('mail', async () => 'taken over')).toBe('taken over');
    expect(await b.jobs.once('mail', async () => {})).toBe(true);

    gate.open();
    await expect(dying).rejects.toThrow();
    await a.db.close();
  });
});
