// Operator HTTP route for a visitor's profile: name, email, verified user id and custom attributes.

import type { VisitorDetails } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { validId } from '../http/errors.ts';
import { requireOperator } from '../operators/guard.ts';

export async function visitorOperatorRoutes(app: FastifyInstance): Promise<void> {
  const { store, conversations } = app;

  app.get<{ Params: { visitorId: string } }>(
    '/api/operator/visitors/:visitorId',
    { preHandler: requireOperator },
    async (request) => {
      validId(request.params.visitorId);
      const visitor = await store.visitors.byId(request.params.visitorId);
      if (!visitor) throw new AppError('not_found', 'no such visitor');
      // Same rule as the visitor's pages: operators see visitors whose conversation they may open.
      const open = await store.conversations.openByVisitor(visitor.siteId, visitor.id);
      if (!open) throw new AppError('forbidden', 'this visitor has no conversation you can see');
      await conversations.readable(request.operator, open.id);
      const { id, name, email, externalId, attributes } = visitor;
      return { visitor: { id, name, email, externalId, attributes } } satisfies VisitorDetails;
    },
  );
}
