// Canned responses as a plugin: CRUD over HTTP for any operator, live to every operator, usage on send.

import type { CannedResponse, CannedResponseBody, CannedResponseList } from '@livechat/protocol';
import { cannedResponsePatchSchema, cannedResponseSchema } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import type { EventBus } from '../events/bus.ts';
import { parseBody, validId } from '../http/errors.ts';
import { requireOperator } from '../operators/guard.ts';

type IdParams = { Params: { id: string } };

const taken = (shortcut: string) => new AppError('conflict', `the shortcut "${shortcut}" is already taken`);

function announce(bus: EventBus, cannedResponse: CannedResponse): void {
  bus.publish({ kind: 'to-operators', frame: { type: 'canned.changed', cannedResponse } });
}

export async function cannedRoutes(app: FastifyInstance): Promise<void> {
  const { store, bus, conversations } = app;

  // Each response counts once per newly stored message, which is what ranks the suggestions.
  conversations.onOperatorMessage(async ({ cannedIds, message }) => {
    try {
      for (const used of await store.canned.recordUse(cannedIds)) announce(bus, used);
    } catch (err) {
      app.log.error({ err, messageId: message.id }, 'could not record canned response use');
    }
  });

  app.addHook('preHandler', requireOperator);

  app.get('/api/operator/canned-responses', async () => {
    return { cannedResponses: await store.canned.list() } satisfies CannedResponseList;
  });

  app.post('/api/operator/canned-responses', async (request, reply) => {
    const input = parseBody(cannedResponseSchema, request.body);
    const cannedResponse = await store.canned.create(input, request.operator.id);
    if (!cannedResponse) throw taken(input.shortcut);
    announce(bus, cannedResponse);
    return reply.status(201).send({ cannedResponse } satisfies CannedResponseBody);
  });

  app.patch<IdParams>('/api/operator/canned-responses/:id', async (request) => {
    const id = validId(request.params.id);
    const patch = parseBody(cannedResponsePatchSchema, request.body);
    const result = await store.canned.update(id, patch);
    if (result === 'missing') throw new AppError('not_found', 'no such canned response');
    if (result === 'conflict') throw taken(patch.shortcut ?? '');
    announce(bus, result);
    return { cannedResponse: result } satisfies CannedResponseBody;
  });

  app.delete<IdParams>('/api/operator/canned-responses/:id', async (request, reply) => {
    const id = validId(request.params.id);
    if (!(await store.canned.delete(id))) throw new AppError('not_found', 'no such canned response');
    bus.publish({ kind: 'to-operators', frame: { type: 'canned.deleted', id } });
    return reply.status(204).send();
  });
}
