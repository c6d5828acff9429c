// Mentions as a plugin: notifies after each operator message and serves the inbox.

import type { NotificationList } from '@livechat/protocol';
import { notificationsReadSchema } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { parseBody } from '../http/errors.ts';
import { requireOperator } from '../operators/guard.ts';
import { excerpt, MentionNotifier, notifyInInbox } from './notifier.ts';

const INBOX_PAGE = 100;

/** The public origin, or this server as reached on the machine itself (the port it really listens on). */
function linkBase(app: FastifyInstance): string {
  if (app.config.publicUrl) return app.config.publicUrl;
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : app.config.port;
  return `http://localhost:${port}`;
}

export async function mentionRoutes(app: FastifyInstance): Promise<void> {
  const { store, bus, conversations } = app;
  const notifier = new MentionNotifier({ store, bus, mailer: app.mailer, linkBase: () => linkBase(app), log: app.log });
  conversations.onOperatorMessage((sent) => notifier.handle(sent));
  // A colleague's transfer lands in the new assignee's inbox, pointing at their "joined" line.
  conversations.onAssigned(async (by, { conversation, message }) => {
    if (!message || !conversation.assignedOperatorId) return;
    await notifyInInbox(
      { store, bus },
      {
        kind: 'assigned',
        operatorId: conversation.assignedOperatorId,
        conversationId: conversation.id,
        messageId: message.id,
        messageSeq: message.seq,
        authorName: by.name,
        excerpt: excerpt(`${by.name} assigned this conversation to you`),
      },
    );
  });
  app.addHook('preHandler', requireOperator);

  app.get('/api/operator/notifications', async (request) => {
    const operatorId = request.operator.id;
    const [notifications, unread] = await Promise.all([
      store.notifications.list(operatorId, INBOX_PAGE),
      store.notifications.unreadCount(operatorId),
    ]);
    return { notifications, unread } satisfies NotificationList;
  });

  app.post('/api/operator/notifications/read', async (request) => {
    const input = parseBody(notificationsReadSchema, request.body);
    const operatorId = request.operator.id;
    const ids = await store.notifications.markRead(operatorId, input.all ? 'all' : (input.ids ?? []));
    const unread = await store.notifications.unreadCount(operatorId);
    // The operator's other tabs update their count too.
    if (ids.length > 0)
      bus.publish({ kind: 'to-operator', operatorId, frame: { type: 'notifications.read', ids, unread } });
    return { unread };
  });
}
