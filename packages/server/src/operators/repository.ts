// Operator accounts and their login sessions.

import type { NotificationPreference, OperatorProfile, OperatorRole } from '@livechat/protocol';
import type { Db } from '../db/connection.ts';
import { newId, now } from '../ids.ts';

export interface NewOperator {
  name: string;
  email: string;
  passwordHash: string;
  role: OperatorRole;
  notify: NotificationPreference;
}

export interface OperatorRepository {
  create(input: NewOperator): Promise<OperatorProfile>;
  byId(id: string): Promise<OperatorProfile | null>;
  /** The profile and stored password hash, for login. */
  credentials(email: string): Promise<{ operator: OperatorProfile; passwordHash: string } | null>;
  list(): Promise<OperatorProfile[]>;
  /** Sets how the operator hears of mentions; null when there is no such operator. */
  setNotify(id: string, notify: NotificationPreference): Promise<OperatorProfile | null>;
  createSession(tokenHash: string, operatorId: string, expiresAt: string): Promise<void>;
  /** The operator owning an unexpired session, or null. */
  bySession(tokenHash: string): Promise<OperatorProfile | null>;
  deleteSession(tokenHash: string): Promise<void>;
}

interface OperatorRow {
  id: string;
  name: string;
  email: string;
  role: OperatorRole;
  notify: NotificationPreference;
  password_hash: string;
}

const COLUMNS = 'id, name, email, role, notify, password_hash';
const profile = (row: OperatorRow): OperatorProfile => ({
  id: row.id,
  name: row.name,
  email: row.email,
  role: row.role,
  notify: row.notify,
});

export class SqliteOperatorRepository implements OperatorRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectByEmail;
  private readonly selectAll;
  private readonly updateNotify;
  private readonly insertSession;
  private readonly selectBySession;
  private readonly removeSession;

  constructor(db: Db) {
    this.insert = db.prepare(
      'INSERT INTO operators (id, name, email, password_hash, role, notify, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.selectById = db.prepare<[string], OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE id = ?`);
    this.selectByEmail = db.prepare<[string], OperatorRow>(
      `SELECT ${COLUMNS} FROM operators WHERE email = ? COLLATE NOCASE`,
    );
    this.selectAll = db.prepare<[], OperatorRow>(`SELECT ${COLUMNS} FROM operators ORDER BY name`);
    this.updateNotify = db.prepare<[NotificationPreference, string], OperatorRow>(
      `UPDATE operators SET notify = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.insertSession = db.prepare(
      'INSERT INTO operator_sessions (token_hash, operator_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
    );
    this.selectBySession = db.prepare<[string, string], OperatorRow>(
      `SELECT ${COLUMNS.replace(/(\w+)/g, 'o.$1')} FROM operator_sessions s JOIN operators o ON o.id = s.operator_id
       WHERE s.token_hash = ? AND s.expires_at > ?`,
    );
    this.removeSession = db.prepare('DELETE FROM operator_sessions WHERE token_hash = ?');
  }

  async create(input: NewOperator): Promise<OperatorProfile> {
    const id = newId();
    this.insert.run(id, input.name, input.email, input.passwordHash, input.role, input.notify, now());
    return { id, name: input.name, email: input.email, role: input.role, notify: input.notify };
  }

  async byId(id: string): Promise<OperatorProfile | null> {
    const row = this.selectById.get(id);
    return row ? profile(row) : null;
  }

  async credentials(email: string) {
    const row = this.selectByEmail.get(email);
    return row ? { operator: profile(row), passwordHash: row.password_hash } : null;
  }

  async list(): Promise<OperatorProfile[]> {
    return this.selectAll.all().map(profile);
  }

  async setNotify(id: string, notify: NotificationPreference): Promise<OperatorProfile | null> {
    const row = this.updateNotify.get(notify, id);
    return row ? profile(row) : null;
  }

  async createSession(tokenHash: string, operatorId: string, expiresAt: string): Promise<void> {
    this.insertSession.run(tokenHash, operatorId, now(), expiresAt);
  }

  async bySession(tokenHash: string): Promise<OperatorProfile | null> {
    const row = this.selectBySession.get(tokenHash, now());
    return row ? profile(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.removeSession.run(tokenHash);
  }
}
