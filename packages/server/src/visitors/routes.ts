// Visitor HTTP routes (called cross-origin by the widget): mint a token, record page views, read
// the transcript, identify, set attributes, log out. Nothing here returns operator-only data.

import type { IdentifyResult, PageViewInput, VisitorCreated, VisitorTranscript } from '@livechat/protocol';
import { visibleTo } from '@livechat/protocol';
import { pageViewSchema } from '@livechat/protocol/validate';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { hashSecret } from '../ids.ts';
import { byAddress, byVisitorToken, httpLimit } from '../limits/http.ts';
import { letOriginRead, readableRefusals, warnOwnersOfRefusals } from '../sites/refusals.ts';
import type { Site } from '../sites/repository.ts';
import { contactRoutes } from './contact-routes.ts';
import { identify } from './identity.ts';
import { linkRoutes } from './link-routes.ts';
import { attributesSchema, identifySchema, MAX_ATTRIBUTES } from './schemas.ts';
import { bearerToken, mintVisitor, siteForOrigin, siteInUse, visitorForToken } from './tokens.ts';
import { allowOrigin, type SiteRequest, visitorChange } from './visitor-request.ts';

const TRANSCRIPT_LIMIT = 1000;

export async function visitorRoutes(app: FastifyInstance): Promise<void> {
  const { store, bus } = app;
  const limits = app.config.limits;
  readableRefusals(app);
  warnOwnersOfRefusals(app);

  async function siteOf(request: SiteRequest, reply: FastifyReply): Promise<Site> {
    const site = await siteInUse(store, request.params.siteId, request.headers.origin);
    allowOrigin(site, request, reply);
    return site;
  }

  const changeOf = (request: SiteRequest, reply: FastifyReply) => visitorChange(store, request, reply);
  // After the hooks above, so that their refusals too are readable and reported.
  await app.register(contactRoutes);
  await app.register(linkRoutes);

  // A refused preflight is a bare network error to the page, and the request itself is never sent.
  // So every preflight passes: the request then gets its answer, a refusal the widget can read
  // (403 `bad_origin`, 404 `not_found`). Nothing is opened by it: no credentials are allowed, and
  // each route checks the site, the origin or the visitor's token itself.
  app.options('/api/sites/:siteId/*', async (request, reply) => {
    const origin = request.headers.origin;
    if (origin) letOriginRead(reply, origin);
    reply.header('access-control-allow-methods', 'GET, POST');
    reply.header('access-control-allow-headers', 'authorization, content-type');
    reply.header('access-control-max-age', '600');
    return reply.status(204).send();
  });

  app.post(
    '/api/sites/:siteId/visitors',
    { onRequest: httpLimit(app, 'new-visitors', limits.visitorsPerIp, byAddress) },
    async (request: SiteRequest, reply) => {
      const site = await siteForOrigin(store, request.params.siteId, request.headers.origin);
      allowOrigin(site, request, reply);
      const { visitor, token } = await mintVisitor(store, site);
      return reply.status(201).send({ visitorId: visitor.id, token } satisfies VisitorCreated);
    },
  );

  app.post(
    '/api/sites/:siteId/page-views',
    { onRequest: httpLimit(app, 'page-views', limits.pageViewsPerToken, byVisitorToken) },
    async (request: SiteRequest, reply) => {
      const site = await siteOf(request, reply);
      const visitor = await visitorForToken(store, site, bearerToken(request.headers.authorization));
      const input: PageViewInput = parseBody(pageViewSchema, request.body);
      const pageView = await store.visitors.addPageView(visitor.id, {
        url: input.url,
        title: input.title ?? '',
        referrer: input.referrer ?? '',
      });
      const conversation = await store.conversations.openRefByVisitor(site.id, visitor.id);
      bus.publish({ kind: 'pageview', visitorId: visitor.id, conversationId: conversation?.id ?? null, pageView });
      return reply.status(204).send();
    },
  );

  app.get('/api/sites/:siteId/conversation', async (request: SiteRequest, reply) => {
    const site = await siteOf(request, reply);
    const visitor = await visitorForToken(store, site, bearerToken(request.headers.authorization));
    const conversation = await store.conversations.openRefByVisitor(site.id, visitor.id);
    const messages = conversation ? await store.messages.after(conversation.id, 0, TRANSCRIPT_LIMIT) : [];
    const body: VisitorTranscript = {
      conversation: conversation ? { id: conversation.id, lastSeq: conversation.lastSeq } : null,
      // Through the gate first: only public messages' files get signed links.
      messages: app.fileLinks.messages('visitor', visibleTo('visitor', messages)),
    };
    return reply.send(body);
  });

  app.post(
    '/api/sites/:siteId/identify',
    { onRequest: httpLimit(app, 'identify-calls', limits.identifyPerToken, byVisitorToken) },
    async (request: SiteRequest, reply) => {
      const { site, visitor } = await changeOf(request, reply);
      const input = parseBody(identifySchema, request.body);
      const result = await identify(store, site, visitor, input);
      // Operators see the new name and email in their lists at once.
      const open = await store.conversations.openByVisitor(site.id, result.visitorId);
      if (open) bus.publish({ kind: 'conversation', conversationId: open.id, visitorId: open.visitorId });
      return reply.send(result satisfies IdentifyResult);
    },
  );

  app.post(
    '/api/sites/:siteId/attributes',
    { onRequest: httpLimit(app, 'attribute-updates', limits.attributesPerToken, byVisitorToken) },
    async (request: SiteRequest, reply) => {
      const { visitor } = await changeOf(request, reply);
      const input = parseBody(attributesSchema, request.body);
      const merged = await store.visitors.mergeAttributes(visitor.id, input.attributes, MAX_ATTRIBUTES);
      if (!merged) throw new AppError('bad_request', `a visitor has at most ${MAX_ATTRIBUTES} attributes`);
      return reply.status(204).send();
    },
  );

  app.post('/api/sites/:siteId/logout', async (request: SiteRequest, reply) => {
    const { token } = await changeOf(request, reply);
    await store.visitors.revokeToken(hashSecret(token));
    app.gateway.endVisitorToken(hashSecret(token));
    return reply.status(204).send();
  });
}
