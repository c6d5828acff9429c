// Emails kept in the database because no SMTP server is configured, for an admin to read.

import type { OutboxEmail } from '@livechat/protocol';
import type { Db } from '../db/connection.ts';
import { newId, now } from '../ids.ts';

export interface OutboxRepository {
  add(email: Omit<OutboxEmail, 'id' | 'createdAt'>): Promise<OutboxEmail>;
  /** Newest first, at most `limit`. */
  list(limit: number): Promise<OutboxEmail[]>;
}

interface OutboxRow {
  id: string;
  to_address: string;
  subject: string;
  text: string;
  created_at: string;
}

const email = (row: OutboxRow): OutboxEmail => ({
  id: row.id,
  to: row.to_address,
  subject: row.subject,
  text: row.text,
  createdAt: row.created_at,
});

export class SqliteOutboxRepository implements OutboxRepository {
  private readonly insert;
  private readonly selectNewest;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO email_outbox (id, to_address, subject, text, created_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.selectNewest = db.prepare<[number], OutboxRow>(
      'SELECT id, to_address, subject, text, created_at FROM email_outbox ORDER BY created_at DESC, rowid DESC LIMIT ?',
    );
  }

  async add(input: Omit<OutboxEmail, 'id' | 'createdAt'>): Promise<OutboxEmail> {
    const row: OutboxRow = {
      id: newId(),
      to_address: input.to,
      subject: input.subject,
      text: input.text,
      created_at: now(),
    };
    this.insert.run(row.id, row.to_address, row.subject, row.text, row.created_at);
    return email(row);
  }

  async list(limit: number): Promise<OutboxEmail[]> {
    return this.selectNewest.all(limit).map(email);
  }
}
