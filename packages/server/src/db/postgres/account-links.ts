// One-time links in PostgreSQL (the first run's setup link, invites, password resets) and what using one writes.

import type { OperatorProfile } from '@livechat/protocol';
import { now } from '../../ids.ts';
import {
  type AccountLink,
  type AccountLinkRepository,
  type LinkKind,
  type LinkRefusal,
  type LinkResult,
  linkRefusal,
} from '../../operators/links.ts';
import type { NewOperator } from '../../operators/repository.ts';
import type { PgDb } from './connection.ts';
import type { PostgresOperatorRepository } from './operators.ts';
import { type LinkRow, link } from '../rows/account-links.ts';

const COLUMNS = 'kind, operator_id, state, created_at, expires_at';

/** The key of the lock that makes two nodes issuing a setup link at once take turns. */
const SETUP_LOCK = "hashtext('account_links:setup')";

export class PostgresAccountLinkRepository implements AccountLinkRepository {
  constructor(
    private readonly db: PgDb,
    private readonly operators: PostgresOperatorRepository,
  ) {}

  async issueSetup(tokenHash: string): Promise<void> {
    // Without the lock two nodes starting together would each replace the pending links they see and
    // both leave a pending one of their own.
    await this.db.transaction(async () => {
      await this.db.query(`SELECT pg_advisory_xact_lock(${SETUP_LOCK})`);
      await this.db.run("UPDATE account_links SET state = 'replaced' WHERE kind = 'setup' AND state = 'pending'");
      await this.insert(tokenHash, 'setup', null, null);
    });
  }

  async issueFor(operatorId: string, kind: 'invite' | 'reset', tokenHash: string, expiresAt: string): Promise<void> {
    // The operator's row lock makes two links issued at once for one operator replace one another in turn.
    await this.db.transaction(async () => {
      await this.operators.lockedRow(operatorId);
      await this.db.run("UPDATE account_links SET state = 'replaced' WHERE operator_id = $1 AND state = 'pending'", [
        operatorId,
      ]);
      await this.insert(tokenHash, kind, operatorId, expiresAt);
    });
  }

  async invite(input: NewOperator, tokenHash: string, expiresAt: string): Promise<LinkResult<OperatorProfile>> {
    return this.db.transaction(async () => {
      const operator = await this.operators.insert({ ...input, status: 'invited' });
      if (!operator) return { ok: false, reason: 'email_taken' };
      await this.insert(tokenHash, 'invite', operator.id, expiresAt);
      return { ok: true, value: operator };
    });
  }

  async find(tokenHash: string): Promise<AccountLink | null> {
    const row = await this.db.one<LinkRow>(`SELECT ${COLUMNS} FROM account_links WHERE token_hash = $1`, [tokenHash]);
    return row ? link(row) : null;
  }

  async createAdmin(tokenHash: string, input: NewOperator): Promise<LinkResult<OperatorProfile>> {
    return this.db.transaction(async () => {
      const refusal = await this.lockUsable(tokenHash, ['setup']);
      if (refusal) return { ok: false, reason: refusal };
      if ((await this.operators.activeAdminCount()) > 0) return { ok: false, reason: 'admin_exists' };
      const operator = await this.operators.insert({ ...input, role: 'admin', status: 'active' });
      if (!operator) return { ok: false, reason: 'email_taken' };
      await this.markUsed(tokenHash);
      return { ok: true, value: operator };
    });
  }

  async accept(tokenHash: string, passwordHash: string): Promise<LinkResult<OperatorProfile>> {
    return this.db.transaction(async () => {
      const refusal = await this.lockUsable(tokenHash, ['invite', 'reset']);
      if (refusal) return { ok: false, reason: refusal };
      const operatorId = (await this.find(tokenHash))?.operatorId;
      const row = operatorId ? await this.operators.lockedRow(operatorId) : undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.disabled_at) return { ok: false, reason: 'disabled' };
      await this.operators.setPassword(row.id, passwordHash);
      await this.markUsed(tokenHash);
      return { ok: true, value: { id: row.id, name: row.name, email: row.email, role: row.role, notify: row.notify } };
    });
  }

  private async insert(tokenHash: string, kind: LinkKind, operatorId: string | null, expiresAt: string | null) {
    await this.db.run(
      'INSERT INTO account_links (token_hash, kind, operator_id, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
      [tokenHash, kind, operatorId, now(), expiresAt],
    );
  }

  private async markUsed(tokenHash: string): Promise<void> {
    await this.db.run("UPDATE account_links SET state = 'used' WHERE token_hash = $1", [tokenHash]);
  }

  /**
   * Why the link cannot be used, or null with its row locked: a link used on two nodes at once is
   * then used by the first, and the second sees it used.
   */
  private async lockUsable(tokenHash: string, kinds: LinkKind[]): Promise<LinkRefusal | null> {
    const row = await this.db.one<LinkRow>(`SELECT ${COLUMNS} FROM account_links WHERE token_hash = $1 FOR UPDATE`, [
      tokenHash,
    ]);
    if (row && !kinds.includes(row.kind)) return 'unknown';
    return linkRefusal(row ? link(row) : null);
  }
}
