// The link in a reply email: it opens the widget on that conversation, as its visitor, on any device.

import type { ConversationLink, ConversationLinkInput } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { byAddress, httpLimit } from '../limits/http.ts';
import { conversationOfToken, TOKEN_REFUSALS } from '../mail/token-conversation.ts';
import { mintTokenFor, siteForOrigin } from './tokens.ts';
import { allowOrigin, type SiteRequest } from './visitor-request.ts';

const linkSchema: z.ZodType<ConversationLinkInput> = z.strictObject({
  token: z.string().min(1, 'a token is needed').max(200, 'at most 200 characters'),
});

export async function linkRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app;

  // Like minting a visitor: it hands out a visitor token, so only the site's own pages may ask.
  // Counted with minting (the same name), since it hands out a token too.
  const limited = { onRequest: httpLimit(app, 'new-visitors', app.config.limits.visitorsPerIp, byAddress) };
  app.post('/api/sites/:siteId/conversation-link', limited, async (request: SiteRequest, reply) => {
    const site = await siteForOrigin(store, request.params.siteId, request.headers.origin);
    allowOrigin(site, request, reply);
    const input = parseBody(linkSchema, request.body);
    const found = await conversationOfToken(store, input.token);
    if (!found.ok) throw new AppError('token_invalid', TOKEN_REFUSALS[found.reason]);
    const { conversation } = found;
    // Another site's conversation is no more there than one that does not exist.
    if (conversation.siteId !== site.id) throw new AppError('token_invalid', TOKEN_REFUSALS.unknown);
    const token = await mintTokenFor(store, { id: conversation.visitorId });
    const body: ConversationLink = { visitorId: conversation.visitorId, token, conversationId: conversation.id };
    return reply.send(body);
  });
}
