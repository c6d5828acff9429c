// An app given its parts (store, bus, presence, counters, files) chats through them, and leaves them
// open for whoever gave them.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/store.ts';
import { type BusEvent, InProcessBus } from '../src/events/bus.ts';
import { DiskFileStorage } from '../src/files/disk-storage.ts';
import { MemoryCounters } from '../src/limits/memory-counters.ts';
import { MemoryPresence } from '../src/realtime/memory/presence.ts';
import { idOf, PNG, sent, storedFiles, visitorSends, visitorUpload } from './attachments-harness.ts';
import { openSuiteStore } from './backend/store.ts';
import { type TestServer, connectOperator, createOperator, newVisitor, reply, say, startServer } from './harness.ts';

/** Given to the app: the data folder stays empty, which shows the app built none of its own. */
interface Given {
  storeDir: string;
  filesDir: string;
  store: Store;
  /** What the giver does once the app is gone: close the store, and drop its database if it made one. */
  closeStore(): Promise<void>;
  heard: BusEvent[];
  /** What the given bus's subscribers threw. */
  reported: unknown[];
  presence: MemoryPresence;
  counters: MemoryCounters;
}

let dataDir: string;
let given: Given;
let server: TestServer;

async function giveParts(): Promise<Given> {
  const storeDir = mkdtempSync(join(tmpdir(), 'livechat-parts-store-'));
  const filesDir = mkdtempSync(join(tmpdir(), 'livechat-parts-files-'));
  const opened = await openSuiteStore(storeDir);
  const heard: BusEvent[] = [];
  const reported: unknown[] = [];
  return {
    storeDir,
    filesDir,
    store: opened.store,
    closeStore: opened.close,
    heard,
    reported,
    presence: new MemoryPresence(),
    counters: new MemoryCounters(),
  };
}

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'livechat-parts-'));
  given = await giveParts();
  const bus = new InProcessBus((err) => given.reported.push(err));
  bus.subscribe((event) => given.heard.push(event));
  const { store, presence, counters, filesDir } = given;
  server = await startServer({}, dataDir, 0, { store, bus, presence, counters, files: new DiskFileStorage(filesDir) });
});
afterEach(async () => {
  await server.stop();
  expect(given.reported).toEqual([]);
  await given.closeStore();
  given.counters.stop();
  for (const dir of [dataDir, given.storeDir, given.filesDir]) rmSync(dir, { recursive: true, force: true });
});

describe('an app given its parts', () => {
  it('chats through them: stored in the given store, fanned out on the given bus, counted by the given presence', async () => {
    const { store, heard, presence, counters } = given;
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    expect(await presence.isOnline(alice.id)).toBe(true);
    const visitor = await (await newVisitor(server)).connect();

    const first = await say(visitor, 'Hello, is the Aurora lamp in stock?');
    await operator.wait('conversation.updated', (f) => f.conversation.id === first.conversationId);
    await reply(operator, first.conversationId, 'Yes, we have 12 left.');
    await visitor.wait('message.created', (f) => f.message.body === 'Yes, we have 12 left.');

    const stored = await store.messages.after(first.conversationId, 0, 10);
    expect(stored.map((m) => m.body)).toEqual([
      'Hello, is the Aurora lamp in stock?',
      'Alice joined',
      'Yes, we have 12 left.',
    ]);
    const published = heard.filter(
      (event) => event.kind === 'message' && event.conversationId === first.conversationId,
    );
    expect(published).toHaveLength(3);
    // The visitor's and the operator's requests and sockets were counted in the given counters.
    expect(counters.size).toBeGreaterThan(0);

    await operator.close();
    await server.stop();
    // Closing the app left the given store open: it still answers.
    expect(await store.messages.after(first.conversationId, 0, 10)).toHaveLength(3);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('keeps attachments in the given file storage, not in the data folder', async () => {
    const handle = await newVisitor(server);
    const visitor = await handle.connect();
    const upload = await visitorUpload(server, handle.token, 'screenshot.png', PNG);
    sent(await visitorSends(visitor, 'the error', [idOf(upload)]));

    const kept = readdirSync(given.filesDir, { recursive: true, withFileTypes: true }).filter((entry) =>
      entry.isFile(),
    );
    expect(kept).toHaveLength(1);
    expect(storedFiles(server)).toEqual([]);
  });

  it('holds no SQLite connection of its own', () => {
    expect(() => server.app.db).toThrow(/given its store/);
  });
});
