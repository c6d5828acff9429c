// Helpdesk over HTTP: teams (admins change them) and tickets (list, search, detail).

import type { TeamList, TicketDetail, TicketList } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { parseQuery } from '../http/query.ts';
import { requireAdmin, requireOperator } from '../operators/guard.ts';

const teamSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(80),
  sequence: z.number().int().min(0).max(1_000_000),
  livechatEnabled: z.boolean(),
});
const ticketsQuery = z.object({
  q: z.string().max(200).default(''),
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export async function helpdeskRoutes(app: FastifyInstance): Promise<void> {
  const { store, commands } = app;

  app.get('/api/operator/teams', { preHandler: requireOperator }, async () => {
    return { teams: await store.helpdesk.teams() } satisfies TeamList;
  });

  app.post('/api/admin/teams', { preHandler: requireAdmin }, async (request, reply) => {
    const team = await store.helpdesk.createTeam(parseBody(teamSchema, request.body));
    await commands.announceAvailable();
    return reply.status(201).send({ team });
  });

  app.patch<{ Params: { id: string } }>('/api/admin/teams/:id', { preHandler: requireAdmin }, async (request) => {
    const team = await store.helpdesk.updateTeam(request.params.id, parseBody(teamSchema.partial(), request.body));
    if (!team) throw new AppError('not_found', 'no such team');
    await commands.announceAvailable();
    return { team };
  });

  app.delete<{ Params: { id: string } }>(
    '/api/admin/teams/:id',
    { preHandler: requireAdmin },
    async (request, reply) => {
      const tickets = await store.helpdesk.countTickets(request.params.id);
      if (tickets > 0)
        throw new AppError('conflict', `this team has ${tickets} tickets; disable live chat on it instead`);
      if (!(await store.helpdesk.deleteTeam(request.params.id))) throw new AppError('not_found', 'no such team');
      await commands.announceAvailable();
      return reply.status(204).send();
    },
  );

  app.get('/api/operator/tickets', { preHandler: requireOperator }, async (request) => {
    const { q, offset, limit } = parseQuery(ticketsQuery, request.query);
    return (await store.helpdesk.searchTickets(q, offset, limit, request.operator)) satisfies TicketList;
  });

  app.get<{ Params: { number: string } }>(
    '/api/operator/tickets/:number',
    { preHandler: requireOperator },
    async (request) => {
      const number = /^\d{1,15}$/.test(request.params.number) ? Number(request.params.number) : Number.NaN;
      if (!Number.isSafeInteger(number)) throw new AppError('invalid_id', 'a ticket number is a whole number');
      // A ticket one may not read is answered as if it did not exist: its existence is not told either.
      const ticket = await store.helpdesk.ticket(number, request.operator);
      if (!ticket) throw new AppError('not_found', `no ticket #${number}`);
      return { ticket } satisfies TicketDetail;
    },
  );
}
