// One-time password links over HTTP: admins invite operators and make reset links; the link's page uses them.

import type { AcceptCheck, InviteResult, LoginResult, PasswordLink } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody, validId } from '../http/errors.ts';
import { hashSecret, newSecret } from '../ids.ts';
import type { Email } from '../mentions/email.ts';
import {
  acceptLink,
  INVITE_VALID_MS,
  linkBase,
  newPasswordLink,
  refusalError,
  signIn,
  teamMember,
} from './accounts.ts';
import { audit } from '../privacy/audit.ts';
import { requireAdmin } from './guard.ts';
import { inviteEmail, resetEmail } from './link-email.ts';
import { linkRefusal } from './links.ts';
import { hashPassword } from './passwords.ts';
import { acceptSchema, inviteSchema, tokenCheckSchema } from './schemas.ts';

export async function inviteRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app;

  /**
   * True only when the SMTP server took it at the first attempt; the admin still has the link to pass
   * on when not (the outbox keeps trying).
   */
  async function deliver(kind: 'invite' | 'password', email: Email): Promise<boolean> {
    try {
      return (await app.mailer.send({ kind, ...email })) === 'sent';
    } catch (err) {
      app.log.warn({ err, to: email.to }, 'could not email a password link; the admin has it to pass on');
      return false;
    }
  }

  app.post('/api/admin/invites', { preHandler: requireAdmin }, async (request, reply) => {
    const input = parseBody(inviteSchema, request.body);
    const token = newSecret();
    const expiresAt = new Date(Date.now() + INVITE_VALID_MS).toISOString();
    // Never used as a password: an invited account cannot log in until it chooses one on its link.
    const invited = await store.accountLinks.invite(
      { name: input.name, email: input.email, role: input.role, notify: 'inbox', passwordHash: '' },
      hashSecret(token),
      expiresAt,
    );
    if (!invited.ok) throw new AppError('conflict', 'this email belongs to an operator already');
    const link = acceptLink(linkBase(app, request), token);
    const emailed = await deliver('invite', inviteEmail(input.email, request.operator.name, input.role, link));
    const member = await store.operators.member(invited.value.id);
    if (!member) throw new Error('an invited operator vanished');
    const target = { kind: 'operator', id: member.id, label: member.name } as const;
    await audit(app, request.operator, 'operator.invited', target, { email: member.email, role: member.role });
    const online = new Set(await app.presence.online());
    return reply.status(201).send({
      member: teamMember(member, online),
      invite: { link, expiresAt, emailed },
    } satisfies InviteResult);
  });

  app.post<{ Params: { id: string } }>(
    '/api/admin/team/:id/password-link',
    { preHandler: requireAdmin },
    async (request, reply) => {
      const member = await store.operators.member(validId(request.params.id));
      if (!member) throw new AppError('not_found', 'no such operator');
      const made = await newPasswordLink(store, member, linkBase(app, request));
      const email =
        made.kind === 'invite'
          ? inviteEmail(member.email, request.operator.name, member.role, made.link)
          : resetEmail(member.email, made.link);
      const emailed = await deliver(made.kind === 'invite' ? 'invite' : 'password', email);
      // The link itself is a password's worth: the entry says one was made, not what it is.
      const target = { kind: 'operator', id: member.id, label: member.name } as const;
      await audit(app, request.operator, 'operator.password_link', target, { kind: made.kind });
      return reply.status(201).send({ link: made.link, expiresAt: made.expiresAt, emailed } satisfies PasswordLink);
    },
  );

  app.post('/api/accept/check', async (request) => {
    const { token } = parseBody(tokenCheckSchema, request.body);
    const link = await store.accountLinks.find(hashSecret(token));
    const refusal = link?.kind === 'setup' ? 'unknown' : linkRefusal(link);
    if (refusal || !link?.operatorId) throw refusalError(refusal ?? 'unknown', 'accept');
    const member = await store.operators.member(link.operatorId);
    if (!member) throw refusalError('unknown', 'accept');
    if (member.status === 'disabled') throw refusalError('disabled', 'accept');
    return {
      kind: link.kind === 'invite' ? 'invite' : 'reset',
      name: member.name,
      email: member.email,
    } satisfies AcceptCheck;
  });

  app.post('/api/accept', async (request, reply) => {
    const input = parseBody(acceptSchema, request.body);
    // Hashed before the token is checked, by anyone who posts: in a slot, like a login.
    const passwordHash = await app.limits.hashSlots.run(() => hashPassword(input.password));
    const accepted = await store.accountLinks.accept(hashSecret(input.token), passwordHash);
    if (!accepted.ok) throw refusalError(accepted.reason, 'accept');
    // A new password ends every earlier session, sockets included.
    app.gateway.endOperator(accepted.value.id);
    const result: LoginResult = await signIn(app, reply, accepted.value);
    return reply.send(result);
  });
}
