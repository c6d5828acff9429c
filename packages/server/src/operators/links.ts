// One-time links (the first run's setup link, invites, password resets) and what using one writes.

import type { OperatorProfile } from '@livechat/protocol';
import { now } from '../ids.ts';
import type { NewOperator } from './repository.ts';

export type LinkKind = 'setup' | 'invite' | 'reset';
export type LinkState = 'pending' | 'used' | 'replaced';

export interface AccountLink {
  kind: LinkKind;
  /** Null for the setup link. */
  operatorId: string | null;
  state: LinkState;
  createdAt: string;
  expiresAt: string | null;
}

/** Why a link cannot be used; stored links keep their state so that the answer can say which. */
export type LinkRefusal = 'unknown' | 'used' | 'replaced' | 'expired' | 'admin_exists' | 'email_taken' | 'disabled';
export type LinkResult<T> = { ok: true; value: T } | { ok: false; reason: LinkRefusal };

export interface AccountLinkRepository {
  /** A new setup link; the one before it (if still pending) is replaced. */
  issueSetup(tokenHash: string): Promise<void>;
  /** A new invite or reset link for the operator; their pending one is replaced. */
  issueFor(operatorId: string, kind: 'invite' | 'reset', tokenHash: string, expiresAt: string): Promise<void>;
  /** An invited operator and their invite link, together or not at all. */
  invite(input: NewOperator, tokenHash: string, expiresAt: string): Promise<LinkResult<OperatorProfile>>;
  find(tokenHash: string): Promise<AccountLink | null>;
  /** Creates the first admin on a pending setup link, which is used up, while no active admin exists. */
  createAdmin(tokenHash: string, input: NewOperator): Promise<LinkResult<OperatorProfile>>;
  /** Sets the password on a pending invite or reset link, which is used up; every session of theirs ends. */
  accept(tokenHash: string, passwordHash: string): Promise<LinkResult<OperatorProfile>>;
}

/** Whether the link can be used now; a refusal names the reason. */
export function linkRefusal(found: AccountLink | null, at: string = now()): LinkRefusal | null {
  if (!found) return 'unknown';
  if (found.state !== 'pending') return found.state;
  if (found.expiresAt !== null && found.expiresAt <= at) return 'expired';
  return null;
}
