// Operator HTTP routes for conversations: the views and their counts, messages, a visitor's pages and
// past conversations, resolving and assigning.

import type {
  ConversationBody,
  ConversationPage,
  InboxCounts,
  MessageList,
  PageViewList,
  VisitorConversationList,
} from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody, validId } from '../http/errors.ts';
import { parseQuery } from '../http/query.ts';
import { requireOperator } from '../operators/guard.ts';

const messagesQuery = z.object({ afterSeq: z.coerce.number().int().min(0).default(0) });
const pageViewsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const viewQuery = z.strictObject({
  view: z.enum(['mine', 'unassigned', 'mentions', 'resolved', 'all']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
const assignSchema = z.strictObject({ operatorId: z.string().min(1).max(100) });
const MESSAGE_PAGE = 500;

export async function conversationRoutes(app: FastifyInstance): Promise<void> {
  const { store, conversations } = app;
  app.addHook('preHandler', requireOperator);

  app.get('/api/operator/conversations', async (request) => {
    const { view, limit, cursor } = parseQuery(viewQuery, request.query);
    const page = await store.views.page(request.operator, view ?? 'listed', limit, cursor ?? null);
    const summaries = await Promise.all(page.conversations.map((c) => conversations.summary(c, request.operator.id)));
    return { conversations: summaries, nextCursor: page.nextCursor } satisfies ConversationPage;
  });

  app.get('/api/operator/conversations/counts', async (request) => {
    return (await store.views.counts(request.operator)) satisfies InboxCounts;
  });

  app.get<{ Params: { id: string } }>('/api/operator/conversations/:id/messages', async (request) => {
    const { afterSeq } = parseQuery(messagesQuery, request.query);
    const conversation = await conversations.readable(request.operator, validId(request.params.id));
    const messages = await store.messages.after(conversation.id, afterSeq, MESSAGE_PAGE);
    return {
      messages: app.fileLinks.messages('operator', messages),
      lastSeq: conversation.lastSeq,
    } satisfies MessageList;
  });

  app.post<{ Params: { id: string } }>('/api/operator/conversations/:id/resolve', async (request) => {
    const resolved = await conversations.resolve(request.operator, validId(request.params.id));
    return { conversation: await conversations.summary(resolved, request.operator.id) } satisfies ConversationBody;
  });

  app.post<{ Params: { id: string } }>('/api/operator/conversations/:id/assign', async (request) => {
    const { operatorId } = parseBody(assignSchema, request.body);
    const id = validId(request.params.id);
    const assigned = await conversations.assign(request.operator, id, operatorId);
    return { conversation: await conversations.summary(assigned, request.operator.id) } satisfies ConversationBody;
  });

  app.get<{ Params: { visitorId: string } }>('/api/operator/visitors/:visitorId/page-views', async (request) => {
    const { limit } = parseQuery(pageViewsQuery, request.query);
    const visitor = await store.visitors.byId(validId(request.params.visitorId));
    if (!visitor) throw new AppError('not_found', 'no such visitor');
    // Operators see the pages of visitors with a conversation they may open, a resolved one included.
    if ((await conversations.ofVisitor(request.operator, visitor.id)).length === 0) {
      throw new AppError('forbidden', 'this visitor has no conversation you can see');
    }
    return { pageViews: await store.visitors.recentPageViews(visitor.id, limit) } satisfies PageViewList;
  });

  app.get<{ Params: { visitorId: string } }>('/api/operator/visitors/:visitorId/conversations', async (request) => {
    const visitorId = validId(request.params.visitorId);
    const readable = await conversations.ofVisitor(request.operator, visitorId);
    const summaries = await Promise.all(readable.map((c) => conversations.summary(c, request.operator.id)));
    return { conversations: summaries } satisfies VisitorConversationList;
  });
}
