// One-time links in SQLite (the first run's setup link, invites, password resets) and what using one writes.

import type { OperatorProfile } from '@livechat/protocol';
import {
  type LinkKind,
  type AccountLink,
  type LinkRefusal,
  type LinkResult,
  type AccountLinkRepository,
  linkRefusal,
} from '../../operators/links.ts';
import { now } from '../../ids.ts';
import type { NewOperator } from '../../operators/repository.ts';
import type { SqliteOperatorRepository } from './operators.ts';
import type { Db } from './connection.ts';
import { type LinkRow, link } from '../rows/account-links.ts';

export class SqliteAccountLinkRepository implements AccountLinkRepository {
  private readonly insert;
  private readonly select;
  private readonly replaceSetup;
  private readonly replaceOfOperator;
  private readonly markUsed;
  private readonly issueSetupTx;
  private readonly issueForTx;
  private readonly inviteTx;
  private readonly createAdminTx;
  private readonly acceptTx;

  constructor(db: Db, operators: SqliteOperatorRepository) {
    this.insert = db.prepare(
      'INSERT INTO account_links (token_hash, kind, operator_id, created_at, expires_at) VALUES (?, ?, ?, ?, ?)',
    );
    this.select = db.prepare<[string], LinkRow>(
      'SELECT kind, operator_id, state, created_at, expires_at FROM account_links WHERE token_hash = ?',
    );
    this.replaceSetup = db.prepare(
      "UPDATE account_links SET state = 'replaced' WHERE kind = 'setup' AND state = 'pending'",
    );
    this.replaceOfOperator = db.prepare(
      "UPDATE account_links SET state = 'replaced' WHERE operator_id = ? AND state = 'pending'",
    );
    this.markUsed = db.prepare("UPDATE account_links SET state = 'used' WHERE token_hash = ?");

    this.issueSetupTx = db.transaction((tokenHash: string) => {
      this.replaceSetup.run();
      this.insert.run(tokenHash, 'setup', null, now(), null);
    });
    this.issueForTx = db.transaction((operatorId: string, kind: LinkKind, tokenHash: string, expiresAt: string) => {
      this.replaceOfOperator.run(operatorId);
      this.insert.run(tokenHash, kind, operatorId, now(), expiresAt);
    });
    this.inviteTx = db.transaction(
      (input: NewOperator, tokenHash: string, expiresAt: string): LinkResult<OperatorProfile> => {
        if (operators.rowByEmail(input.email)) return { ok: false, reason: 'email_taken' };
        const operator = operators.insertOperator({ ...input, status: 'invited' });
        this.insert.run(tokenHash, 'invite', operator.id, now(), expiresAt);
        return { ok: true, value: operator };
      },
    );
    this.createAdminTx = db.transaction((tokenHash: string, input: NewOperator): LinkResult<OperatorProfile> => {
      const refusal = this.refusal(tokenHash, ['setup']);
      if (refusal) return { ok: false, reason: refusal };
      if (operators.activeAdmins() > 0) return { ok: false, reason: 'admin_exists' };
      if (operators.rowByEmail(input.email)) return { ok: false, reason: 'email_taken' };
      const operator = operators.insertOperator({ ...input, role: 'admin', status: 'active' });
      this.markUsed.run(tokenHash);
      return { ok: true, value: operator };
    });
    this.acceptTx = db.transaction((tokenHash: string, passwordHash: string): LinkResult<OperatorProfile> => {
      const refusal = this.refusal(tokenHash, ['invite', 'reset']);
      if (refusal) return { ok: false, reason: refusal };
      const operatorId = this.select.get(tokenHash)?.operator_id;
      const row = operatorId ? operators.row(operatorId) : undefined;
      if (!row) return { ok: false, reason: 'unknown' };
      if (row.disabled_at) return { ok: false, reason: 'disabled' };
      operators.setPassword(row.id, passwordHash);
      this.markUsed.run(tokenHash);
      return { ok: true, value: { id: row.id, name: row.name, email: row.email, role: row.role, notify: row.notify } };
    });
  }

  async issueSetup(tokenHash: string): Promise<void> {
    this.issueSetupTx.immediate(tokenHash);
  }

  async issueFor(operatorId: string, kind: 'invite' | 'reset', tokenHash: string, expiresAt: string): Promise<void> {
    this.issueForTx.immediate(operatorId, kind, tokenHash, expiresAt);
  }

  async invite(input: NewOperator, tokenHash: string, expiresAt: string): Promise<LinkResult<OperatorProfile>> {
    return this.inviteTx.immediate(input, tokenHash, expiresAt);
  }

  async find(tokenHash: string): Promise<AccountLink | null> {
    const row = this.select.get(tokenHash);
    return row ? link(row) : null;
  }

  async createAdmin(tokenHash: string, input: NewOperator): Promise<LinkResult<OperatorProfile>> {
    return this.createAdminTx.immediate(tokenHash, input);
  }

  async accept(tokenHash: string, passwordHash: string): Promise<LinkResult<OperatorProfile>> {
    return this.acceptTx.immediate(tokenHash, passwordHash);
  }

  private refusal(tokenHash: string, kinds: LinkKind[]): LinkRefusal | null {
    const row = this.select.get(tokenHash);
    if (row && !kinds.includes(row.kind)) return 'unknown';
    return linkRefusal(row ? link(row) : null);
  }
}
