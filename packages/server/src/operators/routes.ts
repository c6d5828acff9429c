// Operator accounts over HTTP: login, logout, who am I and changing it, who else is there.

import type { LoginResult, OperatorList, OperatorProfile, OperatorStatus, ProfileUpdate } from '@livechat/protocol';
import { loginSchema } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { addressKey } from '../limits/address.ts';
import { requireOperator } from './guard.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import type { ProfileChange } from './repository.ts';
import { profileUpdateSchema, statusSchema } from './schemas.ts';
import { clearSessionCookie, login, operatorFromRequest, sessionHashOf, setSessionCookie } from './sessions.ts';

export async function operatorRoutes(app: FastifyInstance): Promise<void> {
  const { store, config, presence, gateway, conversations, limits } = app;

  // Failed logins make the next ones from the same address, or for the same account, wait longer.
  app.post('/api/operator/login', async (request, reply) => {
    const input = parseBody(loginSchema, request.body);
    const address = addressKey(request.ip);
    await limits.logins.check(address, input.email);
    try {
      const { operator, token, expires } = await login(store, limits.hashSlots, input.email, input.password);
      await limits.logins.succeeded(input.email);
      setSessionCookie(reply, token, expires, config.secureCookies);
      return reply.send({ operator } satisfies LoginResult);
    } catch (error) {
      if (error instanceof AppError && error.code === 'unauthorized') await limits.logins.failed(address, input.email);
      throw error;
    }
  });

  app.post('/api/operator/logout', async (request, reply) => {
    const sessionHash = sessionHashOf(request);
    if (sessionHash) {
      await store.operators.deleteSession(sessionHash);
      gateway.endOperatorSession(sessionHash);
    }
    clearSessionCookie(reply, config.secureCookies);
    return reply.status(204).send();
  });

  app.get('/api/operator/me', { preHandler: requireOperator }, async (request) => ({ operator: request.operator }));

  // The UI asks who is signed in without an error when nobody is.
  app.get('/api/operator/session', async (request) => ({
    operator: (await operatorFromRequest(store, request)) satisfies OperatorProfile | null,
  }));

  // Online or away, kept for the next sign-in; coming online hands them queued conversations.
  app.put('/api/operator/me/status', { preHandler: requireOperator }, async (request) => {
    const { status } = parseBody(statusSchema, request.body);
    const updated = await store.operators.setAvailability(request.operator.id, status);
    if (!updated) throw new AppError('unauthorized', 'log in first');
    gateway.updateOperator(updated);
    if (status === 'online') await conversations.handOut('came-online');
    return { status };
  });

  // Operators change their own name, email, password and how they hear of mentions.
  app.patch('/api/operator/me', { preHandler: requireOperator }, async (request) => {
    const input = parseBody(profileUpdateSchema, request.body);
    const self = request.operator;
    const { newPassword } = input;
    const emailChanges = input.email !== undefined && input.email.toLowerCase() !== self.email.toLowerCase();
    if (emailChanges || input.newPassword !== undefined) await checkCurrentPassword(self.email, input);
    const change: ProfileChange = {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.email !== undefined ? { email: input.email } : {}),
      ...(input.notify !== undefined ? { notify: input.notify } : {}),
      ...(newPassword !== undefined
        ? { passwordHash: await limits.hashSlots.run(() => hashPassword(newPassword)) }
        : {}),
      ...(input.alerts !== undefined ? { alerts: input.alerts } : {}),
    };
    const updated = await store.operators.updateProfile(self.id, change);
    if (!updated.ok) {
      if (updated.reason === 'email_taken') throw new AppError('conflict', 'this email belongs to another operator');
      throw new AppError('unauthorized', 'log in first');
    }
    gateway.updateOperator(updated.value);
    if (input.newPassword !== undefined) {
      // Whoever else had the old password is signed out; this session goes on.
      const keep = sessionHashOf(request) ?? undefined;
      await store.operators.deleteSessions(self.id, keep);
      gateway.endOperator(self.id, keep);
    }
    return { operator: updated.value } satisfies LoginResult;
  });

  app.get('/api/operator/operators', { preHandler: requireOperator }, async () => {
    // Only those who can be mentioned or assigned: invited and disabled operators are left out.
    const operators = await store.operators.list();
    const ids = operators.map((operator) => operator.id);
    const open = await store.conversations.openCounts(ids);
    const capacities = new Map((await store.operators.routingInfo(ids)).map((info) => [info.id, info.capacity]));
    const onlineIds = new Set(await presence.online());
    return {
      operators: operators.map(({ id, name, email, role, availability }) => {
        const online = onlineIds.has(id);
        const status: OperatorStatus = online ? (availability ?? 'online') : 'offline';
        return {
          id,
          name,
          email,
          role,
          online,
          status,
          openConversations: open.get(id) ?? 0,
          capacity: capacities.get(id) ?? 5,
        };
      }),
    } satisfies OperatorList;
  });

  async function checkCurrentPassword(email: string, input: ProfileUpdate): Promise<void> {
    if (input.currentPassword === undefined) {
      throw new AppError('bad_request', 'give your current password to change your email or password');
    }
    const found = await store.operators.credentials(email);
    const current = input.currentPassword;
    if (!found || !(await limits.hashSlots.run(() => verifyPassword(current, found.passwordHash)))) {
      throw new AppError('unauthorized', 'the current password is wrong');
    }
  }
}
