// Mail over HTTP: the admins' outbox (list, retry a failed email) and a visitor's transcript by email.

import type { OutboxEmailBody, OutboxList, OutboxStatus, TranscriptRequest } from '@livechat/protocol';
import { idSchema, z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError, RateLimited } from '../errors.ts';
import { parseBody, validId } from '../http/errors.ts';
import { parseQuery } from '../http/query.ts';
import { requireAdmin } from '../operators/guard.ts';
import { keepsOwnEmail } from '../visitors/contact-routes.ts';
import { type SiteRequest, visitorChange } from '../visitors/visitor-request.ts';
import { transcriptEmail } from './compose.ts';

const OUTBOX_PAGE = 200;
/** Far more than a chat holds; a transcript stays a readable email. */
const TRANSCRIPT_LINES = 2000;
/**
 * The visitor chooses the address and wrote part of the text: a few transcripts an hour serve them,
 * and keep the server from being a way to mail strangers.
 */
const TRANSCRIPTS_PER_HOUR = 5;

const outboxQuerySchema = z.strictObject({
  status: z
    .enum(['kept', 'pending', 'sent', 'failed'] satisfies OutboxStatus[], 'kept, pending, sent or failed')
    .optional(),
});

const transcriptSchema: z.ZodType<TranscriptRequest> = z.strictObject({
  conversationId: idSchema,
  email: z.string().trim().max(254, 'at most 254 characters').pipe(z.email('not an email address')).optional(),
});

export async function mailRoutes(app: FastifyInstance): Promise<void> {
  const { store, bus, mailer } = app;

  app.get('/api/admin/outbox', { preHandler: requireAdmin }, async (request) => {
    const { status } = parseQuery(outboxQuerySchema, request.query);
    return { emails: await store.outbox.list(OUTBOX_PAGE, status) } satisfies OutboxList;
  });

  app.post<{ Params: { id: string } }>('/api/admin/outbox/:id/retry', { preHandler: requireAdmin }, async (request) => {
    const id = validId(request.params.id);
    const email = await store.outbox.retry(id, new Date().toISOString());
    if (!email) {
      const found = await store.outbox.byId(id);
      if (!found) throw new AppError('not_found', 'no such email');
      throw new AppError('conflict', `only a failed email can be retried; this one is ${found.status}`);
    }
    app.mailWorker.nudge();
    return { email } satisfies OutboxEmailBody;
  });

  app.post('/api/sites/:siteId/transcript', async (request: SiteRequest, reply) => {
    const { site, visitor } = await visitorChange(store, request, reply);
    const input = parseBody(transcriptSchema, request.body);
    const conversation = await store.conversations.byId(input.conversationId);
    // Another visitor's conversation is no more there than one that does not exist.
    if (!conversation || conversation.siteId !== site.id || conversation.visitorId !== visitor.id) {
      throw new AppError('not_found', 'no such conversation');
    }
    const to = input.email ?? visitor.email;
    if (!to) throw new AppError('bad_request', 'no email is known for you: give one');
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    if ((await store.outbox.countForVisitor('transcript', visitor.id, hourAgo)) >= TRANSCRIPTS_PER_HOUR) {
      // Counted from the outbox over the last hour: an hour is the longest the visitor may have to wait.
      throw new RateLimited(`at most ${TRANSCRIPTS_PER_HOUR} transcripts an hour; try again later`, 3_600_000);
    }
    if (input.email && input.email !== visitor.email && !keepsOwnEmail(visitor)) {
      await store.visitors.updateProfile(visitor.id, { email: input.email });
      bus.publish({ kind: 'conversation', conversationId: conversation.id, visitorId: visitor.id });
    }
    const lines = await store.visitorMail.publicLines(conversation.id, TRANSCRIPT_LINES);
    const email = transcriptEmail({ to, siteName: site.name, lines, startedAt: conversation.createdAt });
    await mailer.queue({ ...email, conversationId: conversation.id });
    return reply.status(202).send();
  });
}
