// Migrations applied to a database that already holds data keep that data usable.

import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SearchResultPage } from '@livechat/protocol';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { ConversationNotOpenError } from '../src/conversations/messages.ts';
import { migrate } from '../src/db/sqlite/connection.ts';
import { SqliteConversationRepository } from '../src/db/sqlite/conversations.ts';
import { SqliteMessageRepository } from '../src/db/sqlite/messages.ts';
import { SqliteSiteRepository } from '../src/db/sqlite/sites.ts';
import { type TestServer, createOperator, discard, loginCookie, startServer } from './harness.ts';

let server: TestServer;
afterEach(async () => {
  await discard(server);
});

it('rebuilding the ticket search index keeps existing tickets findable, by whole words and prefixes', async () => {
  server = await startServer();
  const { store, db } = server.app;
  const alice = await createOperator(server, 'Alice');
  const team = await store.helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
  const created = await store.helpdesk.createTicket({
    title: 'Dimmer switch hums',
    description: 'The lampe électrique buzzes',
    customerName: null,
    customerEmail: null,
    teamId: team.id,
    conversationId: null,
    createdBy: alice.id,
  });
  // As on a server that ran before each rebuild (prefixes, then columns only): forget it, and start again.
  for (const version of ['005_ticket_search_prefixes.sql', '007_ticket_search_columns.sql']) {
    db.prepare('DELETE FROM schema_migrations WHERE version = ?').run(version);
    expect(migrate(db)).toEqual([version]);
    for (const query of ['dimmer', 'dimm', 'electrique', 'elec', 'hums', 'switch buzzes']) {
      const { tickets } = await store.helpdesk.searchTickets(query, 0, 10, { id: '', role: 'admin' });
      expect(
        tickets.map((ticket) => ticket.number),
        `${query} after ${version}`,
      ).toEqual([created.number]);
    }
  }
  const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'tickets_fts'").get() as { sql: string };
  expect(index.sql).toContain('detail = column');
});

it('moving notifications onto the message key keeps them, in order, and drops the message id index', () => {
  const db = databaseBefore('008');
  db.exec(`
    INSERT INTO sites (id, name, created_at) VALUES ('s', 'Shop', 't');
    INSERT INTO operators (id, name, email, password_hash, role, created_at) VALUES ('bob', 'Bob', 'b@x', 'h', 'operator', 't');
    INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES ('v', 's', 'h', 't', 't');
    INSERT INTO conversations (id, site_id, visitor_id, last_seq, created_at, updated_at) VALUES ('c', 's', 'v', 3, 't', 't');
    INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, created_at)
      VALUES ('c', 1, 'm1', 'visitor', 'v', 'V', 'hi', 'public', 't'),
             ('c', 2, 'm2', 'operator', 'bob', 'Bob', '@Bob look', 'operator', 't'),
             ('c', 3, 'm3', 'operator', 'bob', 'Bob', '@Bob again', 'operator', 't');
    INSERT INTO notifications (id, operator_id, kind, conversation_id, message_id, author_name, excerpt, created_at, read_at)
      VALUES ('n3', 'bob', 'mention', 'c', 'm3', 'Bob', 'again', 't', NULL),
             ('n2', 'bob', 'mention', 'c', 'm2', 'Bob', 'look', 't', 't');
  `);

  // Later migrations follow; these two come first.
  expect(migrate(db).slice(0, 2)).toEqual([
    '008_messages_without_id_index.sql',
    '009_conversations_without_last_seq.sql',
  ]);
  expect(db.prepare('SELECT id, message_id, message_seq, read_at FROM notifications ORDER BY rowid').all()).toEqual([
    { id: 'n3', message_id: 'm3', message_seq: 3, read_at: null },
    { id: 'n2', message_id: 'm2', message_seq: 2, read_at: 't' },
  ]);
  expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'messages_by_id'").all()).toEqual([]);
  expect(db.pragma('foreign_key_check')).toEqual([]);
  // The key holds: a notification of a message that does not exist is refused.
  expect(() =>
    db
      .prepare(
        `INSERT INTO notifications (id, operator_id, kind, conversation_id, message_seq, message_id, author_name, excerpt, created_at)
         VALUES ('n9', 'bob', 'mention', 'c', 9, 'm9', 'Bob', 'x', 't')`,
      )
      .run(),
  ).toThrow(/FOREIGN KEY/);
  db.close();
});

it('conversations go on from their messages once the row no longer counts them', async () => {
  const db = databaseBefore('009');
  db.exec(`
    INSERT INTO sites (id, name, created_at) VALUES ('s', 'Shop', 't');
    INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES ('v', 's', 'h', 't', 't');
    INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES ('w', 's', 'h2', 't', 't');
    INSERT INTO conversations (id, site_id, visitor_id, last_seq, created_at, updated_at)
      VALUES ('c', 's', 'v', 2, '2026-01-01T09:00:00.000Z', '2026-01-01T09:00:00.000Z');
    INSERT INTO conversations (id, site_id, visitor_id, status, last_seq, created_at, updated_at)
      VALUES ('d', 's', 'w', 'closed', 0, '2026-01-01T08:00:00.000Z', '2026-01-01T11:00:00.000Z');
    INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES ('x', 's', 'h3', 't', 't');
    INSERT INTO conversations (id, site_id, visitor_id, last_seq, created_at, updated_at)
      VALUES ('e', 's', 'x', 0, '2026-01-01T10:30:00.000Z', '2026-01-01T10:30:00.000Z');
    INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, created_at)
      VALUES ('c', 1, 'm1', 'visitor', 'v', 'V', 'hi', 'public', '2026-01-01T09:00:00.000Z'),
             ('c', 2, 'm2', 'visitor', 'v', 'V', 'anyone?', 'public', '2026-01-01T10:00:00.000Z');
  `);
  expect(migrate(db)[0]).toBe('009_conversations_without_last_seq.sql');
  const conversations = new SqliteConversationRepository(db);
  const messages = new SqliteMessageRepository(db);

  // The last seq and the last activity are the newest message's; a row changed later wins.
  expect(await conversations.byId('c')).toMatchObject({ lastSeq: 2, updatedAt: '2026-01-01T10:00:00.000Z' });
  expect(await conversations.byId('d')).toMatchObject({ lastSeq: 0, updatedAt: '2026-01-01T11:00:00.000Z' });
  const listed = async () => (await conversations.listVisibleTo('bob')).map((listedOne) => listedOne.id);
  expect(await listed()).toEqual(['e', 'c']);

  const author = { kind: 'visitor', id: 'v', name: 'V' } as const;
  const { message } = await messages.append({
    conversationId: 'c',
    author,
    body: 'hello again',
    visibility: 'public',
    clientId: 'k1',
  });
  expect(message.seq).toBe(3);
  expect(await conversations.byId('c')).toMatchObject({ lastSeq: 3, updatedAt: message.createdAt });
  // The short form a resume or a page view reads: the open conversation only.
  expect(await conversations.openRefByVisitor('s', 'v')).toEqual({ id: 'c', lastSeq: 3 });
  expect(await conversations.openRefByVisitor('s', 'x')).toEqual({ id: 'e', lastSeq: 0 });
  expect(await conversations.openRefByVisitor('s', 'w')).toBeNull();
  // Lists put the conversation with the latest activity first.
  expect(await listed()).toEqual(['c', 'e']);
  // Resending the same client id is still the same message.
  const again = await messages.append({
    conversationId: 'c',
    author,
    body: 'hello again',
    visibility: 'public',
    clientId: 'k1',
  });
  expect(again).toMatchObject({ duplicate: true, message: { seq: 3 } });

  // A closed conversation takes nothing, and nothing of it changes.
  await expect(
    messages.append({ conversationId: 'd', author, body: 'late', visibility: 'public', clientId: 'k2' }),
  ).rejects.toBeInstanceOf(ConversationNotOpenError);
  await expect(
    messages.append({ conversationId: 'nope', author, body: 'lost', visibility: 'public', clientId: 'k3' }),
  ).rejects.toBeInstanceOf(ConversationNotOpenError);
  expect(db.prepare('SELECT conversation_id, seq FROM messages ORDER BY conversation_id, seq').all()).toEqual([
    { conversation_id: 'c', seq: 1 },
    { conversation_id: 'c', seq: 2 },
    { conversation_id: 'c', seq: 3 },
  ]);
  db.close();
});

it('accounts keep working across the move to invited and disabled operators', () => {
  const db = databaseBefore('010');
  db.exec(`
    INSERT INTO operators (id, name, email, password_hash, role, created_at) VALUES ('al', 'Al', 'a@x', 'h', 'admin', 't');
    INSERT INTO operator_sessions (token_hash, operator_id, created_at, expires_at) VALUES ('s', 'al', 't', '9999');
  `);
  expect(migrate(db)[0]).toBe('010_accounts.sql');
  expect(db.prepare('SELECT id, status, disabled_at, last_seen_at FROM operators').all()).toEqual([
    { id: 'al', status: 'active', disabled_at: null, last_seen_at: null },
  ]);
  expect(db.prepare('SELECT operator_id FROM operator_sessions').all()).toEqual([{ operator_id: 'al' }]);
  // A setup link belongs to nobody; every other link to an operator.
  expect(() =>
    db
      .prepare("INSERT INTO account_links (token_hash, kind, operator_id, created_at) VALUES ('t', 'reset', NULL, 't')")
      .run(),
  ).toThrow(/CHECK/);
  db.close();
});

it('sites made before widget settings and archiving are in use, with the default look', async () => {
  const db = databaseBefore('011');
  db.exec(
    `INSERT INTO sites (id, name, allowed_origins, created_at) VALUES ('s', 'Shop', '["https://shop.test"]', 't')`,
  );
  expect(migrate(db)).toContain('011_sites.sql');
  const sites = new SqliteSiteRepository(db);
  expect(await sites.get('s')).toMatchObject({
    name: 'Shop',
    allowedOrigins: ['https://shop.test'],
    archivedAt: null,
    widget: { color: null, position: 'right', title: null, greeting: null, locale: null },
  });
  // The table refuses what the API would: a colour that is not #rgb or #rrggbb, an unknown locale.
  expect(() => db.prepare("UPDATE sites SET widget_color = 'red' WHERE id = 's'").run()).toThrow(/CHECK/);
  expect(() => db.prepare("UPDATE sites SET widget_locale = 'de' WHERE id = 's'").run()).toThrow(/CHECK/);
  db.close();
});

it('fills the conversation search index with what was written before it existed', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-search-before-'));
  const db = databaseBefore('013', join(dataDir, 'livechat.sqlite'));
  db.exec(`
    INSERT INTO sites (id, name, created_at) VALUES ('old', 'Old', '2026-01-01');
    INSERT INTO visitors (id, site_id, token_hash, name, email, created_at, last_seen_at)
      VALUES ('v1', 'old', 'h1', 'Hélène', 'helene@example.org', '2026-01-01', '2026-01-01');
    INSERT INTO conversations (id, site_id, visitor_id, created_at, updated_at) VALUES ('c1', 'old', 'v1', '2026-01-01', '2026-01-01');
    INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, created_at) VALUES
      ('c1', 1, 'm1', 'visitor', 'v1', 'Hélène', 'an old message about a teapot', 'public', '2026-01-01T00:00:01Z'),
      ('c1', 2, 'm2', 'operator', NULL, 'Alice', 'a note about the teapot lid', 'operator', '2026-01-01T00:00:02Z'),
      ('c1', 3, 'm3', 'system', NULL, 'System', 'teapot system line', 'public', '2026-01-01T00:00:03Z');
  `);
  db.close();
  server = await startServer({}, dataDir);
  const admin = await createOperator(server, 'Old', 'admin');
  const cookie = await loginCookie(server, admin.email);
  const page = async (q: string) =>
    (await (
      await fetch(`${server.url}/api/operator/search?q=${q}`, { headers: { cookie } })
    ).json()) as SearchResultPage;
  expect((await page('teapot')).results.map((r) => [r.seq, r.visibility])).toEqual([
    [2, 'operator'],
    [1, 'public'],
  ]);
  expect((await page('helene')).results.map((r) => r.snippet)).toEqual(['Hélène <helene@example.org>']);
});

/** A database (in memory unless a file is named) as a server left it before the migration numbered `version`. */
function databaseBefore(version: string, file = ':memory:'): Database.Database {
  const db = new Database(file);
  db.pragma('foreign_keys = ON');
  const dir = new URL('../src/db/sqlite/migrations/', import.meta.url);
  const before = readdirSync(dir)
    .filter((name) => /^\d+_.+\.sql$/.test(name) && name < version)
    .sort();
  db.exec('CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  for (const file of before) {
    db.exec(readFileSync(new URL(file, dir), 'utf8'));
    db.prepare("INSERT INTO schema_migrations VALUES (?, '2026-01-01')").run(file);
  }
  return db;
}
