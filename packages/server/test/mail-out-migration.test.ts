// Upgrading to the mail queue keeps the kept emails and sends no burst of old replies.

import { readdirSync, readFileSync } from 'node:fs';
import Database from 'better-sqlite3';
import { expect, it } from 'vitest';
import { migrate } from '../src/db/sqlite/connection.ts';
import { SqliteVisitorMailRepository } from '../src/db/sqlite/visitor-mail.ts';

/** An in-memory database as a server left it before the migration numbered `version`. */
function databaseBefore(version: string): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  const dir = new URL('../src/db/sqlite/migrations/', import.meta.url);
  db.exec('CREATE TABLE schema_migrations (version TEXT PRIMARY KEY, applied_at TEXT NOT NULL) STRICT');
  for (const file of readdirSync(dir)
    .filter((name) => /^\d+_.+\.sql$/.test(name) && name < version)
    .sort()) {
    db.exec(readFileSync(new URL(file, dir), 'utf8'));
    db.prepare("INSERT INTO schema_migrations VALUES (?, '2026-01-01')").run(file);
  }
  return db;
}

it('keeps the emails kept before, and counts the replies written before as emailed', async () => {
  const db = databaseBefore('016');
  const written = new Date(Date.now() - 3_600_000).toISOString();
  db.exec(`
    INSERT INTO sites (id, name, created_at) VALUES ('s', 'Shop', 't');
    INSERT INTO operators (id, name, email, password_hash, role, created_at) VALUES ('al', 'Al', 'a@x', 'h', 'operator', 't');
    INSERT INTO visitors (id, site_id, token_hash, email, created_at, last_seen_at)
      VALUES ('v', 's', 'h', 'jo@example.com', 't', 't');
    INSERT INTO conversations (id, site_id, visitor_id, created_at, updated_at) VALUES ('c', 's', 'v', 't', 't');
    INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, created_at)
      VALUES ('c', 1, 'm1', 'visitor', 'v', 'V', 'hi', 'public', '${written}'),
             ('c', 2, 'm2', 'operator', 'al', 'Al', 'hello', 'public', '${written}');
    INSERT INTO email_outbox (id, to_address, subject, text, created_at)
      VALUES ('e1', 'bob@example.com', 'Alice mentioned you', 'text', '2026-01-01T00:00:00.000Z');
  `);

  expect(migrate(db)[0]).toBe('016_mail_queue.sql');
  expect(db.prepare('SELECT id, kind, status, attempts, to_address FROM email_outbox').all()).toEqual([
    { id: 'e1', kind: 'mention', status: 'kept', attempts: 0, to_address: 'bob@example.com' },
  ]);
  expect(db.prepare('SELECT visitor_read_seq, emailed_through_seq FROM conversations').get()).toEqual({
    visitor_read_seq: 0,
    emailed_through_seq: 2,
  });
  const mail = new SqliteVisitorMailRepository(db);
  const since = new Date(Date.now() - 86_400_000).toISOString();
  expect(await mail.dueReplies(since, new Date().toISOString(), 10)).toEqual([]);
  // A status outside the four is refused by the table itself.
  expect(() => db.prepare("UPDATE email_outbox SET status = 'lost'").run()).toThrow(/CHECK/);
  db.close();
});
