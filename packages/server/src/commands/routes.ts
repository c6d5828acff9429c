// Command results over HTTP: an operator's own results in a conversation, for a reload.

import type { CommandResultList } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import { validId } from '../http/errors.ts';
import { requireOperator } from '../operators/guard.ts';

export async function commandRoutes(app: FastifyInstance): Promise<void> {
  app.addHook('preHandler', requireOperator);

  app.get<{ Params: { id: string } }>('/api/operator/conversations/:id/command-results', async (request) => {
    validId(request.params.id);
    const conversation = await app.conversations.readable(request.operator, request.params.id);
    const results = await app.store.commandResults.list(conversation.id, request.operator.id);
    return { results } satisfies CommandResultList;
  });
}
