// Who a widget's changing request comes from: the site on its own origin, and the visitor of the token.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../db/store.ts';
import { letOriginRead } from '../sites/refusals.ts';
import { isOriginAllowed, type Site } from '../sites/repository.ts';
import type { Visitor } from './repository.ts';
import { bearerToken, siteForOrigin, visitorForToken } from './tokens.ts';

export type SiteRequest = FastifyRequest<{ Params: { siteId: string } }>;

/** CORS for the widget: only the site's own origins, matched exactly. */
export function allowOrigin(site: Site, request: FastifyRequest, reply: FastifyReply): void {
  const origin = request.headers.origin;
  if (origin && isOriginAllowed(site, origin)) letOriginRead(reply, origin);
}

/** Routes that change who the visitor is, or what is stored of them, insist on the site's own origin, like minting does. */
export async function visitorChange(
  store: Store,
  request: SiteRequest,
  reply: FastifyReply,
): Promise<{ site: Site; visitor: Visitor; token: string }> {
  const site = await siteForOrigin(store, request.params.siteId, request.headers.origin);
  allowOrigin(site, request, reply);
  const token = bearerToken(request.headers.authorization);
  const visitor = await visitorForToken(store, site, token);
  return { site, visitor, token: token as string };
}
