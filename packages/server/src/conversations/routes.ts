// Operator HTTP routes for conversations: the list, a conversation's messages, a visitor's pages.

import type { ConversationList, MessageList, PageViewList } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { validId } from '../http/errors.ts';
import { parseQuery } from '../http/query.ts';
import { requireOperator } from '../operators/guard.ts';

const messagesQuery = z.object({ afterSeq: z.coerce.number().int().min(0).default(0) });
const pageViewsQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });
const MESSAGE_PAGE = 500;

export async function conversationRoutes(app: FastifyInstance): Promise<void> {
  const { store, conversations } = app;
  app.addHook('preHandler', requireOperator);

  app.get('/api/operator/conversations', async (request) => {
    const visible = await store.conversations.listVisibleTo(request.operator.id);
    const summaries = await Promise.all(visible.map((c) => conversations.summary(c, request.operator.id)));
    return { conversations: summaries } satisfies ConversationList;
  });

  app.get<{ Params: { id: string } }>('/api/operator/conversations/:id/messages', async (request) => {
    const { afterSeq } = parseQuery(messagesQuery, request.query);
    const conversation = await conversations.readable(request.operator, validId(request.params.id));
    const messages = await store.messages.after(conversation.id, afterSeq, MESSAGE_PAGE);
    return { messages, lastSeq: conversation.lastSeq } satisfies MessageList;
  });

  app.get<{ Params: { visitorId: string } }>('/api/operator/visitors/:visitorId/page-views', async (request) => {
    const { limit } = parseQuery(pageViewsQuery, request.query);
    const visitor = await store.visitors.byId(validId(request.params.visitorId));
    if (!visitor) throw new AppError('not_found', 'no such visitor');
    const open = await store.conversations.openByVisitor(visitor.siteId, visitor.id);
    // Operators see the pages of visitors whose conversation they may open.
    if (!open) throw new AppError('forbidden', 'this visitor has no conversation you can see');
    await conversations.readable(request.operator, open.id);
    return { pageViews: await store.visitors.recentPageViews(visitor.id, limit) } satisfies PageViewList;
  });
}
