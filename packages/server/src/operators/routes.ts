// Operator accounts over HTTP: login, logout, who am I, who else is there.

import type { LoginResult, OperatorList } from '@livechat/protocol';
import { loginSchema, preferencesSchema } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { requireOperator } from './guard.ts';
import { clearSessionCookie, login, SESSION_COOKIE, setSessionCookie } from './sessions.ts';
import { hashSecret } from '../ids.ts';

export async function operatorRoutes(app: FastifyInstance): Promise<void> {
  const { store, config, presence } = app;

  app.post('/api/operator/login', async (request, reply) => {
    const input = parseBody(loginSchema, request.body);
    const { operator, token, expires } = await login(store, input.email, input.password);
    setSessionCookie(reply, token, expires, config.secureCookies);
    return reply.send({ operator } satisfies LoginResult);
  });

  app.post('/api/operator/logout', async (request, reply) => {
    const token = request.cookies[SESSION_COOKIE];
    if (token) await store.operators.deleteSession(hashSecret(token));
    clearSessionCookie(reply, config.secureCookies);
    return reply.status(204).send();
  });

  app.get('/api/operator/me', { preHandler: requireOperator }, async (request) => ({ operator: request.operator }));

  // Operators choose for themselves how they hear of mentions.
  app.patch('/api/operator/me', { preHandler: requireOperator }, async (request) => {
    const { notify } = parseBody(preferencesSchema, request.body);
    const operator = await store.operators.setNotify(request.operator.id, notify);
    if (!operator) throw new AppError('unauthorized', 'log in first');
    return { operator } satisfies LoginResult;
  });

  app.get('/api/operator/operators', { preHandler: requireOperator }, async () => {
    const operators = await store.operators.list();
    return {
      operators: operators.map(({ id, name, email, role }) => ({
        id,
        name,
        email,
        role,
        online: presence.isOnline(id),
      })),
    } satisfies OperatorList;
  });
}
