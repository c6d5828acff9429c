// Operator accounts (active, invited or disabled) and their login sessions, in SQLite.

import type { NotificationPreference, OperatorProfile } from '@livechat/protocol';
import type {
  NewOperator,
  Member,
  ProfileChange,
  Availability,
  RoutingInfo,
  MemberChange,
  Changed,
  OperatorRepository,
} from '../../operators/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { type OperatorRow, COLUMNS, profile, member, isUsable, memberChanged } from '../rows/operators.ts';

const USABLE = "status = 'active' AND disabled_at IS NULL";

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE';
}

export class SqliteOperatorRepository implements OperatorRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectByEmail;
  private readonly selectUsable;
  private readonly selectAll;
  private readonly updateNotify;
  private readonly updateRow;
  private readonly countActiveAdmins;
  private readonly updateLastSeen;
  private readonly insertSession;
  private readonly selectBySession;
  private readonly removeSession;
  private readonly removeSessions;
  private readonly updateSessionUse;
  private readonly removeStaleSessions;
  private readonly updateAvailability;
  private readonly profileTx;
  private readonly memberTx;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO operators (id, name, email, password_hash, role, notify, status, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.selectById = db.prepare<[string], OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE id = ?`);
    this.selectByEmail = db.prepare<[string], OperatorRow>(
      `SELECT ${COLUMNS} FROM operators WHERE email = ? COLLATE NOCASE`,
    );
    this.selectUsable = db.prepare<[], OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE ${USABLE} ORDER BY name`);
    this.selectAll = db.prepare<[], OperatorRow>(`SELECT ${COLUMNS} FROM operators ORDER BY name, email`);
    this.updateNotify = db.prepare<[NotificationPreference, string], OperatorRow>(
      `UPDATE operators SET notify = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.updateRow = db.prepare(
      `UPDATE operators SET name = @name, email = @email, notify = @notify, password_hash = @password_hash,
         role = @role, status = @status, disabled_at = @disabled_at, capacity = @capacity,
         alert_sound = @alert_sound, alert_desktop = @alert_desktop WHERE id = @id`,
    );
    this.countActiveAdmins = db.prepare<[], { n: number }>(
      `SELECT count(*) AS n FROM operators WHERE role = 'admin' AND ${USABLE}`,
    );
    this.updateLastSeen = db.prepare('UPDATE operators SET last_seen_at = ? WHERE id = ?');
    this.updateAvailability = db.prepare<[Availability, string], OperatorRow>(
      `UPDATE operators SET availability = ? WHERE id = ? RETURNING ${COLUMNS}`,
    );
    this.insertSession = db.prepare(
      `INSERT INTO operator_sessions (token_hash, operator_id, created_at, expires_at, last_used_at)
       VALUES (@hash, @operatorId, @at, @expiresAt, @at)`,
    );
    this.selectBySession = db.prepare<[string, string, string], OperatorRow>(
      `SELECT ${COLUMNS.replace(/(\w+)/g, 'o.$1')} FROM operator_sessions s JOIN operators o ON o.id = s.operator_id
       WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_used_at > ? AND o.status = 'active' AND o.disabled_at IS NULL`,
    );
    this.updateSessionUse = db.prepare<[string, string, string]>(
      'UPDATE operator_sessions SET last_used_at = ? WHERE token_hash = ? AND last_used_at <= ?',
    );
    this.removeStaleSessions = db.prepare<[string, string], { token_hash: string }>(
      'DELETE FROM operator_sessions WHERE expires_at <= ? OR last_used_at <= ? RETURNING token_hash',
    );
    this.removeSession = db.prepare('DELETE FROM operator_sessions WHERE token_hash = ?');
    this.removeSessions = db.prepare<[string, string | null]>(
      'DELETE FROM operator_sessions WHERE operator_id = ? AND token_hash IS NOT ?',
    );
    this.profileTx = db.transaction((id: string, change: ProfileChange) => this.changeProfile(id, change));
    this.memberTx = db.transaction((id: string, change: MemberChange) => this.changeMember(id, change));
  }

  async create(input: NewOperator): Promise<OperatorProfile> {
    return this.insertOperator(input);
  }

  /** Synchronous, for transactions that create an operator with something else. */
  insertOperator(input: NewOperator): OperatorProfile {
    const id = newId();
    const status = input.status ?? 'active';
    this.insert.run(id, input.name, input.email, input.passwordHash, input.role, input.notify, status, now());
    return profile(this.selectById.get(id) as OperatorRow);
  }

  /** Synchronous: the stored row, for transactions. */
  row(id: string): OperatorRow | undefined {
    return this.selectById.get(id);
  }

  /** Synchronous: a new password, which also makes an invited operator active and ends every session. */
  setPassword(id: string, passwordHash: string): void {
    const row = this.selectById.get(id);
    if (!row) return;
    this.write({ ...row, password_hash: passwordHash, status: 'active' });
    this.removeSessions.run(id, null);
  }

  /** Synchronous: the stored row with this email (any case), for transactions. */
  rowByEmail(email: string): OperatorRow | undefined {
    return this.selectByEmail.get(email);
  }

  activeAdmins(): number {
    return this.countActiveAdmins.get()?.n ?? 0;
  }

  async byId(id: string): Promise<OperatorProfile | null> {
    const row = this.selectById.get(id);
    return row ? profile(row) : null;
  }

  async usable(id: string): Promise<OperatorProfile | null> {
    const row = this.selectById.get(id);
    return row && isUsable(row) ? profile(row) : null;
  }

  async member(id: string): Promise<Member | null> {
    const row = this.selectById.get(id);
    return row ? member(row) : null;
  }

  async memberByEmail(email: string): Promise<Member | null> {
    const row = this.selectByEmail.get(email);
    return row ? member(row) : null;
  }

  async credentials(email: string) {
    const row = this.selectByEmail.get(email);
    return row ? { operator: profile(row), passwordHash: row.password_hash, usable: isUsable(row) } : null;
  }

  async list(): Promise<OperatorProfile[]> {
    return this.selectUsable.all().map(profile);
  }

  async team(): Promise<Member[]> {
    return this.selectAll.all().map(member);
  }

  async setNotify(id: string, notify: NotificationPreference): Promise<OperatorProfile | null> {
    const row = this.updateNotify.get(notify, id);
    return row ? profile(row) : null;
  }

  async updateProfile(id: string, change: ProfileChange): Promise<Changed<OperatorProfile>> {
    return this.profileTx.immediate(id, change);
  }

  async updateMember(id: string, change: MemberChange): Promise<Changed<Member>> {
    return this.memberTx.immediate(id, change);
  }

  async activeAdminCount(): Promise<number> {
    return this.activeAdmins();
  }

  async touchLastSeen(id: string, at: string): Promise<void> {
    this.updateLastSeen.run(at, id);
  }

  async setAvailability(id: string, availability: Availability): Promise<OperatorProfile | null> {
    const row = this.updateAvailability.get(availability, id);
    return row ? profile(row) : null;
  }

  async routingInfo(ids: readonly string[]): Promise<RoutingInfo[]> {
    return ids.flatMap((id) => {
      const row = this.selectById.get(id);
      return row && isUsable(row) ? [{ id, availability: row.availability, capacity: row.capacity }] : [];
    });
  }

  async createSession(tokenHash: string, operatorId: string, expiresAt: string): Promise<void> {
    this.insertSession.run({ hash: tokenHash, operatorId, at: now(), expiresAt });
  }

  async bySession(tokenHash: string, idleSince: string): Promise<OperatorProfile | null> {
    const row = this.selectBySession.get(tokenHash, now(), idleSince);
    return row ? profile(row) : null;
  }

  async touchSession(tokenHash: string, at: string, unlessSince: string): Promise<void> {
    this.updateSessionUse.run(at, tokenHash, unlessSince);
  }

  async endStaleSessions(idleSince: string): Promise<string[]> {
    return this.removeStaleSessions.all(now(), idleSince).map((row) => row.token_hash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.removeSession.run(tokenHash);
  }

  async deleteSessions(operatorId: string, keepHash?: string): Promise<void> {
    this.removeSessions.run(operatorId, keepHash ?? null);
  }

  private changeProfile(id: string, change: ProfileChange): Changed<OperatorProfile> {
    const row = this.selectById.get(id);
    if (!row) return { ok: false, reason: 'not_found' };
    if (change.email !== undefined) {
      const owner = this.selectByEmail.get(change.email);
      if (owner && owner.id !== id) return { ok: false, reason: 'email_taken' };
    }
    const next: OperatorRow = {
      ...row,
      name: change.name ?? row.name,
      email: change.email ?? row.email,
      notify: change.notify ?? row.notify,
      password_hash: change.passwordHash ?? row.password_hash,
      alert_sound: change.alerts?.sound === undefined ? row.alert_sound : Number(change.alerts.sound),
      alert_desktop: change.alerts?.desktop === undefined ? row.alert_desktop : Number(change.alerts.desktop),
    };
    try {
      this.write(next);
    } catch (error) {
      if (isUniqueViolation(error)) return { ok: false, reason: 'email_taken' };
      throw error;
    }
    return { ok: true, value: profile(next) };
  }

  private changeMember(id: string, change: MemberChange): Changed<Member> {
    const row = this.selectById.get(id);
    if (!row) return { ok: false, reason: 'not_found' };
    const { next, removesAdmin } = memberChanged(row, change, now());
    if (removesAdmin && this.activeAdmins() <= 1) return { ok: false, reason: 'last_admin' };
    this.write(next);
    if (next.disabled_at) this.removeSessions.run(id, null);
    return { ok: true, value: member(next) };
  }

  private write(row: OperatorRow): void {
    this.updateRow.run({
      id: row.id,
      name: row.name,
      email: row.email,
      notify: row.notify,
      password_hash: row.password_hash,
      role: row.role,
      status: row.status,
      disabled_at: row.disabled_at,
      capacity: row.capacity,
      alert_sound: row.alert_sound,
      alert_desktop: row.alert_desktop,
    });
  }
}
