// The first run: while no admin exists, each start prints a one-time link whose page creates the first admin.

import type { LoginResult, SetupStatus } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import { parseBody } from '../http/errors.ts';
import { hashSecret, newSecret } from '../ids.ts';
import { refusalError, setupLink, signIn } from './accounts.ts';
import { linkRefusal } from './links.ts';
import { hashPassword } from './passwords.ts';
import { setupSchema, tokenCheckSchema } from './schemas.ts';

/**
 * While the database has no active admin: a new setup link (the previous one stops working), logged
 * at info on a line of its own, and returned. Null when an admin exists.
 */
export async function announceSetup(app: FastifyInstance, baseUrl: string): Promise<string | null> {
  if ((await app.store.operators.activeAdminCount()) > 0) return null;
  const token = newSecret();
  await app.store.accountLinks.issueSetup(hashSecret(token));
  const link = setupLink(baseUrl, token);
  app.log.info(`create the first admin here (the link works once; every start prints a new one): ${link}`);
  // The JSON log line is for machines; a person at a terminal gets the link alone, easy to click.
  if (process.stdout.isTTY) process.stdout.write(`\n  Create the first admin: ${link}\n\n`);
  return link;
}

export async function setupRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app;

  app.get(
    '/api/setup',
    async () => ({ needed: (await store.operators.activeAdminCount()) === 0 }) satisfies SetupStatus,
  );

  app.post('/api/setup/check', async (request) => {
    const { token } = parseBody(tokenCheckSchema, request.body);
    const link = await store.accountLinks.find(hashSecret(token));
    const refusal = link && link.kind !== 'setup' ? 'unknown' : linkRefusal(link);
    if (refusal) throw refusalError(refusal, 'setup');
    if ((await store.operators.activeAdminCount()) > 0) throw refusalError('admin_exists', 'setup');
    return { ok: true };
  });

  app.post('/api/setup', async (request, reply) => {
    const input = parseBody(setupSchema, request.body);
    // Hashed before the token is checked, by anyone who posts: in a slot, like a login.
    const passwordHash = await app.limits.hashSlots.run(() => hashPassword(input.password));
    const created = await store.accountLinks.createAdmin(hashSecret(input.token), {
      name: input.name,
      email: input.email,
      passwordHash,
      role: 'admin',
      notify: 'inbox',
    });
    if (!created.ok) throw refusalError(created.reason, 'setup');
    app.log.info({ operatorId: created.value.id }, 'the first admin was created');
    const result: LoginResult = await signIn(app, reply, created.value);
    return reply.status(201).send(result);
  });
}
