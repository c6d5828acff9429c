// The team over HTTP (admins): who is in it, their role, and whether they may work.

import type { MemberBody, TeamMemberList } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody, validId } from '../http/errors.ts';
import { now } from '../ids.ts';
import { audit } from '../privacy/audit.ts';
import { releaseOperator, teamMember } from './accounts.ts';
import { requireAdmin } from './guard.ts';
import { memberUpdateSchema } from './schemas.ts';

export async function teamRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app;

  app.get('/api/admin/team', { preHandler: requireAdmin }, async () => {
    const at = now();
    const members = await store.operators.team();
    const online = new Set(await app.presence.online());
    return { members: members.map((member) => teamMember(member, online, at)) } satisfies TeamMemberList;
  });

  app.patch<{ Params: { id: string } }>('/api/admin/team/:id', { preHandler: requireAdmin }, async (request) => {
    const id = validId(request.params.id);
    const change = parseBody(memberUpdateSchema, request.body);
    const before = await store.operators.member(id);
    if (!before) throw new AppError('not_found', 'no such operator');
    const updated = await store.operators.updateMember(id, change);
    if (!updated.ok) {
      if (updated.reason === 'last_admin') {
        throw new AppError('last_admin', 'the team needs an active admin: make someone else an admin first');
      }
      throw new AppError('not_found', 'no such operator');
    }
    const member = updated.value;
    const target = { kind: 'operator', id: member.id, label: member.name } as const;
    if (member.role !== before.role) {
      await audit(app, request.operator, 'operator.role_changed', target, { before: before.role, after: member.role });
    }
    if (member.status === 'disabled' && before.status !== 'disabled') {
      await audit(app, request.operator, 'operator.disabled', target);
    }
    if (member.status !== 'disabled' && before.status === 'disabled') {
      await audit(app, request.operator, 'operator.enabled', target);
    }
    const { id: memberId, name, email, role, notify, alerts, availability } = member;
    app.gateway.updateOperator({ id: memberId, name, email, role, notify, alerts, availability });
    if (member.status === 'disabled' && before.status !== 'disabled') {
      await releaseOperator(app, member);
      app.log.info({ operatorId: id, by: request.operator.id }, 'an operator was disabled');
    }
    if (change.capacity !== undefined && change.capacity > before.capacity) void app.conversations.handOut('capacity');
    return { member: teamMember(member, new Set(await app.presence.online())) } satisfies MemberBody;
  });
}
