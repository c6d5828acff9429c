// Two server nodes on one PostgreSQL database, each with its own pool: appends, repeated sends and
// first messages arriving on both at the same moment still give one conversation, gap-free seqs and
// one stored message per client id.

import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { aChat, asVisitor, aVisitor, type Chat } from '../../src/db/contract/fixtures.ts';
import { PgDb } from '../../src/db/postgres/connection.ts';
import { migrate } from '../../src/db/postgres/migrate.ts';
import { postgresStore } from '../../src/db/postgres/store.ts';
import type { Store } from '../../src/db/store.ts';
import { type PostgresServer, startPostgres } from './postgres-server.ts';

let server: PostgresServer;
let pools: PgDb[] = [];
let nodeA: Store;
let nodeB: Store;

beforeAll(async () => {
  server = await startPostgres();
  const migrated = new PgDb(server.url);
  await migrate(migrated.pool);
  await migrated.close();
});

afterAll(() => server?.stop());

beforeEach(async () => {
  const url = await server.newDatabase(server.url);
  pools = [new PgDb(url), new PgDb(url)];
  [nodeA, nodeB] = pools.map(postgresStore) as [Store, Store];
});

afterEach(async () => {
  await Promise.all(pools.map((pool) => pool.close()));
});

const line = (chat: Chat, body: string, clientId: string | null = null) => ({
  conversationId: chat.conversation.id,
  author: asVisitor(chat.visitor),
  body,
  visibility: 'public' as const,
  clientId,
});

describe('conversations between nodes on PostgreSQL', () => {
  it('numbers messages appended on two nodes at once 1 to n with no gap and no repeat', async () => {
    const chat = await aChat(nodeA);
    const sends = Array.from({ length: 40 }, (_, i) =>
      (i % 2 === 0 ? nodeA : nodeB).messages.append(line(chat, `message ${i}`)),
    );
    const seqs = (await Promise.all(sends)).map(({ message }) => message.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
    const stored = await nodeB.messages.after(chat.conversation.id, 0, 100);
    expect(stored.map((m) => m.seq)).toEqual(seqs);
    expect((await nodeA.conversations.byId(chat.conversation.id))?.lastSeq).toBe(40);
  });

  it('stores a send retried on the other node at the same moment once', async () => {
    const chat = await aChat(nodeA);
    for (let round = 0; round < 10; round++) {
      const clientId = `c-${round}`;
      const both = await Promise.all([
        nodeA.messages.append(line(chat, 'where is my order?', clientId)),
        nodeB.messages.append(line(chat, 'where is my order?', clientId)),
      ]);
      expect(both.map((b) => b.duplicate).sort()).toEqual([false, true]);
      expect(both[0].message).toEqual(both[1].message);
    }
    const stored = await nodeA.messages.after(chat.conversation.id, 0, 100);
    expect(stored.map((m) => m.seq)).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });

  it('opens one conversation for a visitor whose first messages reach both nodes at once', async () => {
    const { site } = await aChat(nodeA);
    for (let round = 0; round < 5; round++) {
      const visitor = await aVisitor(nodeA, site.id, `Visitor ${round}`);
      const opened = await Promise.all([
        nodeA.conversations.findOrCreateOpen(site.id, visitor.id),
        nodeB.conversations.findOrCreateOpen(site.id, visitor.id),
      ]);
      expect(opened.filter((o) => o.created)).toHaveLength(1);
      expect(opened[0].conversation.id).toBe(opened[1].conversation.id);
    }
  });

  it('refuses, on either node, a message to a conversation the other resolved', async () => {
    const chat = await aChat(nodeA);
    await nodeA.messages.append(line(chat, 'thanks, bye'));
    await nodeB.conversations.close(chat.conversation.id);
    await expect(nodeA.messages.append(line(chat, 'one more thing'))).rejects.toMatchObject({
      name: 'ConversationNotOpenError',
    });
    expect((await nodeA.conversations.byId(chat.conversation.id))?.lastSeq).toBe(1);
  });
});
