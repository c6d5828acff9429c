// Two apps over one shared database and one PostgreSQL file store serve each other's attachments, as
// two nodes behind a load balancer must: a file uploaded through one is downloaded through the other.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresFileStorage } from '../../src/db/postgres/files.ts';
import { migrate } from '../../src/db/postgres/migrate.ts';
import { type Db, openDatabase } from '../../src/db/sqlite/connection.ts';
import { sqliteStore } from '../../src/db/sqlite/store.ts';
import {
  fetchFile,
  idOf,
  operatorSends,
  operatorUpload,
  PDF,
  PNG,
  sent,
  storedFiles,
  visitorSends,
  visitorUpload,
} from '../attachments-harness.ts';
import { connectOperator, createOperator, loginCookie, newVisitor, startServer, type TestServer } from '../harness.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let postgres: PostgresServer;
/** The records both apps share (one SQLite file, each app on a connection of its own). */
let sharedDir: string;
const folders: string[] = [];
const pools: pg.Pool[] = [];
const dbs: Db[] = [];
let nodeA: TestServer;
let nodeB: TestServer;

/** An app with its own data folder and connections: only the records and the file bytes are shared. */
async function startNode(): Promise<TestServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-pg-node-'));
  folders.push(dataDir);
  const db = openDatabase({ dataDir: sharedDir, synchronous: 'NORMAL' });
  dbs.push(db);
  const pool = new pg.Pool({ connectionString: postgres.url });
  pools.push(pool);
  return startServer({}, dataDir, 0, { store: sqliteStore(db), files: new PostgresFileStorage(pool) });
}

beforeAll(async () => {
  postgres = await startPostgres();
  const setup = new pg.Pool({ connectionString: postgres.url });
  await migrate(setup);
  await setup.end();
  sharedDir = mkdtempSync(join(tmpdir(), 'livechat-pg-shared-'));
  folders.push(sharedDir);
  nodeA = await startNode();
  nodeB = await startNode();
});

afterAll(async () => {
  await nodeA?.stop();
  await nodeB?.stop();
  for (const db of dbs) db.close();
  await Promise.all(pools.map((pool) => pool.end()));
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  await postgres?.stop();
});

async function bytesOf(response: Response): Promise<Buffer> {
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
}

describe('two apps sharing a PostgreSQL file store', () => {
  it("serve each other's uploads, keeping none on their own disks", async () => {
    const alice = await createOperator(nodeA, 'Alice');
    const handle = await newVisitor(nodeA);
    const visitor = await handle.connect();
    const screenshot = idOf(await visitorUpload(nodeA, handle.token, 'checkout error.png', PNG));
    const question = sent(await visitorSends(visitor, 'The checkout fails', [screenshot]));

    // Alice works on node B: the visitor's screenshot, uploaded to A, downloads from B.
    const cookieB = await loginCookie(nodeB, alice.email);
    expect(await bytesOf(await fetchFile(nodeB, `/api/operator/files/${screenshot}`, { cookie: cookieB }))).toEqual(
      PNG,
    );

    // Her answer's file, uploaded to B, downloads from A.
    const operator = await connectOperator(nodeB, alice);
    const label = idOf(await operatorUpload(nodeB, cookieB, 'return label.pdf', PDF));
    sent(await operatorSends(operator, question.conversationId, 'Here is your label', [label]));
    const cookieA = await loginCookie(nodeA, alice.email);
    expect(await bytesOf(await fetchFile(nodeA, `/api/operator/files/${label}`, { cookie: cookieA }))).toEqual(PDF);

    expect([...storedFiles(nodeA), ...storedFiles(nodeB)]).toEqual([]);
    await operator.close();
    await visitor.close();
  });
});
