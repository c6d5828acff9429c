// Visitor identity: tokens are minted by the server, kept by the widget and stored hashed.

import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import { hashSecret, newSecret } from '../ids.ts';
import { archivedSite, originNotAllowed, unknownSite } from '../sites/refusals.ts';
import { isOriginAllowed, type Site } from '../sites/repository.ts';
import type { Visitor } from './repository.ts';

const SITE_ID = /^[\w-]{1,64}$/;

/** A site id from a URL, refused with `invalid_id` when it cannot be one. */
export function validSiteId(siteId: string): string {
  if (!SITE_ID.test(siteId)) throw new AppError('invalid_id', 'not a valid site id');
  return siteId;
}

/** The site, if the id is well-formed and names a site in use: an archived one is no site for visitors. */
export async function siteInUse(store: Store, siteId: string, origin: string | undefined): Promise<Site> {
  const site = await store.sites.get(validSiteId(siteId));
  if (!site) throw unknownSite(siteId, origin);
  if (site.archivedAt) throw archivedSite(site, origin);
  return site;
}

/** The site in use, if the request comes from one of its origins. */
export async function siteForOrigin(store: Store, siteId: string, origin: string | undefined): Promise<Site> {
  const site = await siteInUse(store, siteId, origin);
  if (!isOriginAllowed(site, origin)) throw originNotAllowed(site, origin);
  return site;
}

export async function mintVisitor(store: Store, site: Site): Promise<{ visitor: Visitor; token: string }> {
  const token = newSecret();
  const visitor = await store.visitors.create(site.id, hashSecret(token));
  return { visitor, token };
}

/** A new token for a visitor who exists already: one more device, as identify gives a known contact. */
export async function mintTokenFor(store: Store, visitor: Pick<Visitor, 'id'>): Promise<string> {
  const token = newSecret();
  await store.visitors.addToken(visitor.id, hashSecret(token));
  return token;
}

export async function visitorForToken(store: Store, site: Site, token: string | undefined): Promise<Visitor> {
  const visitor = token ? await store.visitors.byToken(hashSecret(token)) : null;
  if (!visitor || visitor.siteId !== site.id) throw new AppError('unauthorized', 'unknown visitor token');
  return visitor;
}

export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([\w-]{16,128})$/.exec(header ?? '');
  return match?.[1];
}
