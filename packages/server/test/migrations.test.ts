// Migrations applied to a database that already holds data keep that data usable.

import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { migrate } from '../src/db/connection.ts';
import { type TestServer, createOperator, discard, startServer } from './harness.ts';

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
      const { tickets } = await store.helpdesk.searchTickets(query, 0, 10);
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
  // A database as a server left it before migration 008.
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const dir = new URL('../src/db/migrations/', import.meta.url);
  const before = readdirSync(dir)
    .filter((name) => /^\d+_.+\.sql$/.test(name) && name < '008')
    .sort();
  db.exec('CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  for (const file of before) {
    db.exec(readFileSync(new URL(file, dir), 'utf8'));
    db.prepare("INSERT INTO schema_migrations VALUES (?, '2026-01-01')").run(file);
  }
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

  expect(migrate(db)).toEqual(['008_messages_without_id_index.sql']);
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
