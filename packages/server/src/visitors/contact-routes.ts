// What a visitor leaves when nobody answers or once it is over: an email to be reached at, a rating.

import type { ContactEmailInput, RatingValue } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import type { Visitor } from './repository.ts';
import { type SiteRequest, visitorChange } from './visitor-request.ts';

export const MAX_RATING_COMMENT = 1000;

const contactEmailSchema: z.ZodType<ContactEmailInput> = z.strictObject({
  email: z.string().trim().max(254, 'at most 254 characters').pipe(z.email('not an email address')),
});

/** The body of a RatingInput; a blank comment is none (null). */
const ratingSchema = z.strictObject({
  value: z.enum(['good', 'okay', 'bad'] satisfies RatingValue[], 'good, okay or bad'),
  comment: z
    .string()
    .trim()
    .max(MAX_RATING_COMMENT, `at most ${MAX_RATING_COMMENT} characters`)
    .transform((text) => (text === '' ? null : text))
    .optional(),
});

type ConversationRequest = FastifyRequest<{ Params: { siteId: string; conversationId: string } }>;

/**
 * A verified contact's email comes from the site's backend and is kept; any other visitor's email
 * (none yet, or given unverified) becomes the one they leave here.
 */
export const keepsOwnEmail = (visitor: Visitor): boolean => visitor.externalId !== null && visitor.email !== null;

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  const { store, bus } = app;

  app.post('/api/sites/:siteId/contact-email', async (request: SiteRequest, reply) => {
    const { site, visitor } = await visitorChange(store, request, reply);
    const input = parseBody(contactEmailSchema, request.body);
    if (!keepsOwnEmail(visitor)) {
      await store.visitors.updateProfile(visitor.id, { email: input.email });
      // Operators see the email in their lists at once.
      const open = await store.conversations.openByVisitor(site.id, visitor.id);
      if (open) bus.publish({ kind: 'conversation', conversationId: open.id, visitorId: open.visitorId });
    }
    return reply.status(204).send();
  });

  app.post('/api/sites/:siteId/conversations/:conversationId/rating', async (request: ConversationRequest, reply) => {
    const { site, visitor } = await visitorChange(store, request, reply);
    const input = parseBody(ratingSchema, request.body);
    const conversation = await store.conversations.byId(request.params.conversationId);
    // Another visitor's conversation is no more there than one that does not exist.
    if (!conversation || conversation.siteId !== site.id || conversation.visitorId !== visitor.id) {
      throw new AppError('not_found', 'no such conversation');
    }
    if (conversation.status === 'open') throw new AppError('conflict', 'a conversation is rated once it is closed');
    await store.ratings.rate(conversation.id, input.value, input.comment ?? null);
    bus.publish({ kind: 'conversation', conversationId: conversation.id, visitorId: conversation.visitorId });
    return reply.status(204).send();
  });
}
