// A visitor's socket is given nothing of their conversation before its welcome: the client resumes from
// the highest seq it holds, so a message given first would make it skip the ones before it.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../src/db/store.ts';
import { openSuiteStore } from './backend/store.ts';
import {
  Client,
  connectOperator,
  createOperator,
  newVisitor,
  reply,
  say,
  settle,
  startServer,
  sync,
  type TestServer,
  visitorUrl,
  SITE_ORIGIN,
} from './harness.ts';

let server: TestServer;
let storeDir: string;
let closeStore: () => Promise<void>;
/** While set, a welcome waits for it before reading the visitor's read mark. */
let welcomeHeld: Promise<void> | null = null;

/** The suite's store, whose read of a conversation's seen seq (a step of every welcome) can be held. */
function holdingWelcomes(store: Store): Store {
  const readMarks = new Proxy(store.readMarks, {
    get(target, property, receiver) {
      if (property !== 'seenSeq') {
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (conversationId: string) => {
        await welcomeHeld;
        return target.seenSeq(conversationId);
      };
    },
  });
  return { ...store, readMarks };
}

beforeAll(async () => {
  storeDir = mkdtempSync(join(tmpdir(), 'livechat-welcome-'));
  const opened = await openSuiteStore(storeDir);
  closeStore = opened.close;
  server = await startServer({}, undefined, 0, { store: holdingWelcomes(opened.store) });
});

afterAll(async () => {
  await server.stop();
  await closeStore();
  rmSync(storeDir, { recursive: true, force: true });
  rmSync(server.dataDir, { recursive: true, force: true });
});

describe('a visitor socket opened while their conversation goes on', () => {
  it('is welcomed before any message, and its sync from the welcome brings what was said meanwhile', async () => {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const handle = await newVisitor(server);
    const tab = await handle.connect();
    const asked = await say(tab, 'Is the Aurora lamp in stock?');
    const { conversationId } = asked;
    await operator.wait(
      'conversation.updated',
      (f) => f.conversation.id === conversationId && f.conversation.assignedOperatorId === alice.id,
    );

    // The same visitor comes back on a new socket (a reconnect, another tab); its welcome is slow.
    let letGo = () => {};
    welcomeHeld = new Promise((resolve) => {
      letGo = resolve;
    });
    const back = await Client.connect(visitorUrl(server, handle.token), { origin: SITE_ORIGIN });
    await settle(50);
    const answer = await reply(operator, conversationId, 'Yes, we have 12 left.');
    // The answer has gone out live: the first tab has it.
    await tab.wait('message.created', (f) => f.message.id === answer.id);
    letGo();
    welcomeHeld = null;

    await back.wait('welcome');
    expect(back.frames.map((frame) => frame.type)).toEqual(['welcome']);
    // It resumes from the last seq it holds, as a client back after a lost connection does.
    const resumed = await sync(back, asked.seq);
    expect(resumed.messages.map((message) => message.id)).toContain(answer.id);
    expect(back.of('message.created')).toEqual([]);
    await Promise.all([tab.close(), back.close(), operator.close()]);
  });
});
