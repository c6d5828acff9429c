// Operator accounts (active, invited or disabled) and their login sessions, in PostgreSQL.

import type { NotificationPreference, OperatorProfile } from '@livechat/protocol';
import { newId, now } from '../../ids.ts';
import type {
  Availability,
  Changed,
  Member,
  MemberChange,
  NewOperator,
  OperatorRepository,
  ProfileChange,
  RoutingInfo,
} from '../../operators/repository.ts';
import { isUniqueViolation, type PgDb } from './connection.ts';
import { type OperatorRow, COLUMNS, profile, member, isUsable, memberChanged } from '../rows/operators.ts';

const USABLE = "status = 'active' AND disabled_at IS NULL";
/** Names sort as SQLite sorts them (by code point), whatever the database's locale. */
const BY_NAME = 'name COLLATE "C"';
const BY_EMAIL = 'lower(email) = lower($1)';

export class PostgresOperatorRepository implements OperatorRepository {
  constructor(private readonly db: PgDb) {}

  async create(input: NewOperator): Promise<OperatorProfile> {
    const created = await this.insert(input);
    if (!created) throw new Error(`an operator with the email ${input.email} exists already`);
    return created;
  }

  /**
   * The new operator, or null when the email (in any case) is taken: the unique index decides, so two
   * nodes creating one address at once cannot both succeed, and the caller's transaction goes on.
   */
  async insert(input: NewOperator): Promise<OperatorProfile | null> {
    const row = await this.db.one<OperatorRow>(
      `INSERT INTO operators (id, name, email, password_hash, role, notify, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT ((lower(email))) DO NOTHING RETURNING ${COLUMNS}`,
      [newId(), input.name, input.email, input.passwordHash, input.role, input.notify, input.status ?? 'active', now()],
    );
    return row ? profile(row) : null;
  }

  /** The stored row, locked until the caller's transaction ends. */
  lockedRow(id: string): Promise<OperatorRow | undefined> {
    return this.db.one<OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE id = $1 FOR UPDATE`, [id]);
  }

  /** A new password, which also makes an invited operator active and ends every session. */
  async setPassword(id: string, passwordHash: string): Promise<void> {
    await this.db.transaction(async () => {
      await this.db.run("UPDATE operators SET password_hash = $2, status = 'active' WHERE id = $1", [id, passwordHash]);
      await this.deleteSessions(id);
    });
  }

  async byId(id: string): Promise<OperatorProfile | null> {
    const row = await this.row(id);
    return row ? profile(row) : null;
  }

  async usable(id: string): Promise<OperatorProfile | null> {
    const row = await this.row(id);
    return row && isUsable(row) ? profile(row) : null;
  }

  async member(id: string): Promise<Member | null> {
    const row = await this.row(id);
    return row ? member(row) : null;
  }

  async memberByEmail(email: string): Promise<Member | null> {
    const row = await this.rowByEmail(email);
    return row ? member(row) : null;
  }

  async credentials(email: string) {
    const row = await this.rowByEmail(email);
    return row ? { operator: profile(row), passwordHash: row.password_hash, usable: isUsable(row) } : null;
  }

  async list(): Promise<OperatorProfile[]> {
    const rows = await this.db.query<OperatorRow>(
      `SELECT ${COLUMNS} FROM operators WHERE ${USABLE} ORDER BY ${BY_NAME}`,
    );
    return rows.map(profile);
  }

  async team(): Promise<Member[]> {
    const rows = await this.db.query<OperatorRow>(
      `SELECT ${COLUMNS} FROM operators ORDER BY ${BY_NAME}, email COLLATE "C"`,
    );
    return rows.map(member);
  }

  async setNotify(id: string, notify: NotificationPreference): Promise<OperatorProfile | null> {
    const row = await this.db.one<OperatorRow>(`UPDATE operators SET notify = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [
      id,
      notify,
    ]);
    return row ? profile(row) : null;
  }

  async updateProfile(id: string, change: ProfileChange): Promise<Changed<OperatorProfile>> {
    // No read of who owns the email first: two nodes could both find it free. The unique index refuses
    // the second write, and a savepoint keeps that refusal from ending a caller's transaction.
    return this.db.transaction(async () => {
      await this.db.run('SAVEPOINT profile_change');
      try {
        const row = await this.db.one<OperatorRow>(
          `UPDATE operators SET name = coalesce($2, name), email = coalesce($3, email), notify = coalesce($4, notify),
             password_hash = coalesce($5, password_hash), alert_sound = coalesce($6, alert_sound),
             alert_desktop = coalesce($7, alert_desktop)
           WHERE id = $1 RETURNING ${COLUMNS}`,
          [
            id,
            change.name ?? null,
            change.email ?? null,
            change.notify ?? null,
            change.passwordHash ?? null,
            change.alerts?.sound ?? null,
            change.alerts?.desktop ?? null,
          ],
        );
        await this.db.run('RELEASE SAVEPOINT profile_change');
        return row ? { ok: true, value: profile(row) } : { ok: false, reason: 'not_found' };
      } catch (err) {
        if (!isUniqueViolation(err, 'operators_by_email')) throw err;
        await this.db.run('ROLLBACK TO SAVEPOINT profile_change');
        return { ok: false, reason: 'email_taken' };
      }
    });
  }

  async updateMember(id: string, change: MemberChange): Promise<Changed<Member>> {
    return this.db.transaction(async () => {
      // Locking every active admin first makes two nodes demoting two admins at once take turns, so
      // the second one counts what the first left and cannot remove the last admin.
      await this.db.query(`SELECT id FROM operators WHERE role = 'admin' AND ${USABLE} ORDER BY id FOR UPDATE`);
      const row = await this.lockedRow(id);
      if (!row) return { ok: false, reason: 'not_found' };
      const { next, removesAdmin } = memberChanged(row, change, now());
      if (removesAdmin && (await this.activeAdminCount()) <= 1) return { ok: false, reason: 'last_admin' };
      await this.db.run('UPDATE operators SET role = $2, disabled_at = $3, capacity = $4 WHERE id = $1', [
        id,
        next.role,
        next.disabled_at,
        next.capacity,
      ]);
      if (next.disabled_at) await this.deleteSessions(id);
      return { ok: true, value: member(next) };
    });
  }

  async activeAdminCount(): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      `SELECT count(*) AS n FROM operators WHERE role = 'admin' AND ${USABLE}`,
    );
    return row?.n ?? 0;
  }

  async touchLastSeen(id: string, at: string): Promise<void> {
    await this.db.run('UPDATE operators SET last_seen_at = $2 WHERE id = $1', [id, at]);
  }

  async setAvailability(id: string, availability: Availability): Promise<OperatorProfile | null> {
    const row = await this.db.one<OperatorRow>(
      `UPDATE operators SET availability = $2 WHERE id = $1 RETURNING ${COLUMNS}`,
      [id, availability],
    );
    return row ? profile(row) : null;
  }

  async routingInfo(ids: readonly string[]): Promise<RoutingInfo[]> {
    const rows = await this.db.query<RoutingInfo>(
      `SELECT id, availability, capacity FROM operators WHERE id = ANY($1::text[]) AND ${USABLE}`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    // In the order asked, as the hand-out ranks them.
    return ids.flatMap((id) => {
      const info = byId.get(id);
      return info ? [{ id, availability: info.availability, capacity: info.capacity }] : [];
    });
  }

  async createSession(tokenHash: string, operatorId: string, expiresAt: string): Promise<void> {
    const at = now();
    await this.db.run(
      `INSERT INTO operator_sessions (token_hash, operator_id, created_at, expires_at, last_used_at)
       VALUES ($1, $2, $3, $4, $3)`,
      [tokenHash, operatorId, at, expiresAt],
    );
  }

  async bySession(tokenHash: string, idleSince: string): Promise<OperatorProfile | null> {
    const row = await this.db.one<OperatorRow>(
      `SELECT ${COLUMNS.replace(/(\w+)/g, 'o.$1')} FROM operator_sessions s JOIN operators o ON o.id = s.operator_id
       WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_used_at > $3
         AND o.status = 'active' AND o.disabled_at IS NULL`,
      [tokenHash, now(), idleSince],
    );
    return row ? profile(row) : null;
  }

  async touchSession(tokenHash: string, at: string, unlessSince: string): Promise<void> {
    await this.db.run('UPDATE operator_sessions SET last_used_at = $2 WHERE token_hash = $1 AND last_used_at <= $3', [
      tokenHash,
      at,
      unlessSince,
    ]);
  }

  async endStaleSessions(idleSince: string): Promise<string[]> {
    const rows = await this.db.query<{ token_hash: string }>(
      'DELETE FROM operator_sessions WHERE expires_at <= $1 OR last_used_at <= $2 RETURNING token_hash',
      [now(), idleSince],
    );
    return rows.map((row) => row.token_hash);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.run('DELETE FROM operator_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteSessions(operatorId: string, keepHash?: string): Promise<void> {
    await this.db.run('DELETE FROM operator_sessions WHERE operator_id = $1 AND token_hash IS DISTINCT FROM $2', [
      operatorId,
      keepHash ?? null,
    ]);
  }

  private row(id: string): Promise<OperatorRow | undefined> {
    return this.db.one<OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE id = $1`, [id]);
  }

  private rowByEmail(email: string): Promise<OperatorRow | undefined> {
    return this.db.one<OperatorRow>(`SELECT ${COLUMNS} FROM operators WHERE ${BY_EMAIL}`, [email]);
  }
}
