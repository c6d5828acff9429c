// Writing an audit entry for an admin's request: who did it comes from the session.

import type { AuditAction, OperatorProfile } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import type { AuditTarget } from './audit-repository.ts';

/** Names of fields whose values are secrets: an entry says they changed, never what to. */
const SECRET_FIELDS = /secret|password|token|hash/i;

/** Drops secret-looking fields, whatever the caller passed: a second guard on "never a secret's value". */
export function withoutSecrets(details: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(details).filter(([name]) => !SECRET_FIELDS.test(name)));
}

export async function audit(
  app: FastifyInstance,
  actor: Pick<OperatorProfile, 'id' | 'name'> | null,
  action: AuditAction,
  target: AuditTarget,
  details: Record<string, unknown> = {},
): Promise<void> {
  await app.store.audit.record({
    actor: actor ? { id: actor.id, name: actor.name } : null,
    action,
    target,
    details: withoutSecrets(details),
  });
}
