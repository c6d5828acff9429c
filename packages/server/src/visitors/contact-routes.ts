// What a visitor leaves when nobody answers or once it is over: an email to be reached at, a rating.

import type { ContactDetailsInput, ContactEmailInput, RatingValue } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { byVisitorToken, httpLimit } from '../limits/http.ts';
import type { Site } from '../sites/repository.ts';
import type { Visitor } from './repository.ts';
import { type SiteRequest, visitorChange } from './visitor-request.ts';

export const MAX_RATING_COMMENT = 1000;

export const MAX_CONTACT_NAME = 100;

const email = z.string().trim().max(254, 'at most 254 characters').pipe(z.email('not an email address'));

const contactEmailSchema: z.ZodType<ContactEmailInput> = z.strictObject({ email });

/** What the pre-chat form asked: at least one field, and a blank name is no answer. */
const contactDetailsSchema: z.ZodType<ContactDetailsInput> = z
  .strictObject({
    name: z
      .string()
      .trim()
      .min(1, 'a name is not blank')
      .max(MAX_CONTACT_NAME, `at most ${MAX_CONTACT_NAME} characters`)
      .optional(),
    email: email.optional(),
  })
  .refine((input) => input.name !== undefined || input.email !== undefined, 'a name, an email, or both');

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
/** The same for the name: a verified contact's name is the site's. */
const keepsOwnName = (visitor: Visitor): boolean => visitor.externalId !== null && visitor.name !== null;

export async function contactRoutes(app: FastifyInstance): Promise<void> {
  const { store, bus } = app;
  // Contact details and ratings share one count: each is a write a visitor makes a few times at most.
  const limited = { onRequest: httpLimit(app, 'contact-updates', app.config.limits.contactPerToken, byVisitorToken) };

  /** Keeps what the visitor gave that the site's backend did not vouch for; operators see it in their lists at once. */
  async function keepContact(site: Site, visitor: Visitor, given: ContactDetailsInput): Promise<void> {
    const change = {
      name: keepsOwnName(visitor) ? undefined : given.name,
      email: keepsOwnEmail(visitor) ? undefined : given.email,
    };
    if (change.name === undefined && change.email === undefined) return;
    await store.visitors.updateProfile(visitor.id, change);
    const open = await store.conversations.openByVisitor(site.id, visitor.id);
    if (open) bus.publish({ kind: 'conversation', conversationId: open.id, visitorId: open.visitorId });
  }

  app.post('/api/sites/:siteId/contact-email', limited, async (request: SiteRequest, reply) => {
    const { site, visitor } = await visitorChange(store, request, reply);
    const input = parseBody(contactEmailSchema, request.body);
    await keepContact(site, visitor, input);
    return reply.status(204).send();
  });

  app.post('/api/sites/:siteId/contact', limited, async (request: SiteRequest, reply) => {
    const { site, visitor } = await visitorChange(store, request, reply);
    const input = parseBody(contactDetailsSchema, request.body);
    await keepContact(site, visitor, input);
    return reply.status(204).send();
  });

  app.post(
    '/api/sites/:siteId/conversations/:conversationId/rating',
    limited,
    async (request: ConversationRequest, reply) => {
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
    },
  );
}
