// GET /api/operator/search: the inbox search, for operators only.

import type { SearchResultPage } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseQuery } from '../http/query.ts';
import { requireOperator } from '../operators/guard.ts';
import { MAX_QUERY_LENGTH } from './query.ts';
import { ConversationSearch } from './service.ts';

const searchParams = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `q is at most ${MAX_QUERY_LENGTH} characters`),
  cursor: z.string().min(1).max(200).optional(),
});

export async function searchRoutes(app: FastifyInstance): Promise<void> {
  const search = new ConversationSearch(app.store.search, app.store.conversations, app.conversations);
  app.addHook('preHandler', requireOperator);

  app.get('/api/operator/search', async (request) => {
    const { q, cursor } = parseQuery(searchParams, request.query);
    if (q.trim() === '') throw new AppError('bad_request', 'type something to search for');
    return (await search.search(request.operator, q, cursor)) satisfies SearchResultPage;
  });
}
