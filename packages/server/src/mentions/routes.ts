// Mentions as a plugin: notifies after each operator message, serves the inbox and the admins' outbox.

import type { NotificationList, OutboxList } from '@livechat/protocol';
import { notificationsReadSchema } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { requireOperator } from '../operators/guard.ts';
import { createMailer } from './email.ts';
import { excerpt, MentionNotifier, notifyInInbox } from './notifier.ts';

const INBOX_PAGE = 100;
const OUTBOX_PAGE = 200;

/** The public origin, or this server as reached on the machine itself (the port it really listens on). */
function linkBase(app: FastifyInstance): string {
  if (app.config.publicUrl) return app.config.publicUrl;
  const address = app.server.address();
  const port = address && typeof address === 'object' ? address.port : app.config.port;
  return `http://localhost:${port}`;
}

export async function mentionRoutes(app: FastifyInstance): Promise<void> {
  const { store, bus, config, conversations } = app;
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, outbox: store.outbox, log: app.log });
  const notifier = new MentionNotifier({ store, bus, mailer, linkBase: () => linkBase(app), log: app.log });
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
  app.addHook('onClose', async () => mailer.close());
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

  app.get('/api/admin/outbox', async (request) => {
    if (request.operator.role !== 'admin') throw new AppError('forbidden', 'only admins can read the outbox');
    return { emails: await store.outbox.list(OUTBOX_PAGE) } satisfies OutboxList;
  });
}
