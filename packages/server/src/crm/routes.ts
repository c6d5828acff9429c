// CRM leads over HTTP: list and detail.

import type { LeadDetail, LeadList } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { validId } from '../http/errors.ts';
import { parseQuery } from '../http/query.ts';
import { requireOperator } from '../operators/guard.ts';

const pageQuery = z.object({
  offset: z.coerce.number().int().min(0).max(100_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export async function crmRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', requireOperator);

  app.get('/api/operator/leads', async (request) => {
    const { offset, limit } = parseQuery(pageQuery, request.query);
    return (await app.store.crm.leads(offset, limit, request.operator)) satisfies LeadList;
  });

  app.get<{ Params: { id: string } }>('/api/operator/leads/:id', async (request) => {
    validId(request.params.id);
    // A lead one may not read is answered as if it did not exist: its existence is not told either.
    const lead = await app.store.crm.lead(request.params.id, request.operator);
    if (!lead) throw new AppError('not_found', 'no such lead');
    return { lead } satisfies LeadDetail;
  });
}
