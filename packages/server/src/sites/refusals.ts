// A wrong embed, told to whoever can fix it: the widget reads why it was refused, the owner reads the log.

import type { FastifyInstance, FastifyReply } from 'fastify';
import { AppError } from '../errors.ts';
import type { Site } from './repository.ts';

declare module 'fastify' {
  interface FastifyInstance {
    originWarnings: OriginWarnings;
  }
}

const HOUR_MS = 3600 * 1000;
/** Origin headers are the caller's text: what is remembered and logged of one is bounded. */
const ORIGIN_KEPT = 255;

/** A refusal of a widget's request that the site's owner can act on; the warning says how. */
export class SiteRefusal extends AppError {
  constructor(
    code: 'not_found' | 'bad_origin',
    message: string,
    readonly siteId: string,
    readonly origin: string,
    readonly warning: string,
  ) {
    super(code, message);
    this.origin = origin.slice(0, ORIGIN_KEPT);
  }
}

export function unknownSite(siteId: string, origin: string | undefined): AppError {
  if (!origin) return new AppError('not_found', 'no such site');
  return new SiteRefusal(
    'not_found',
    'no such site',
    siteId,
    origin,
    `unknown site ${siteId} asked from origin ${origin.slice(0, ORIGIN_KEPT)}`,
  );
}

export function archivedSite(site: Site, origin: string | undefined): AppError {
  if (!origin) return new AppError('not_found', 'no such site');
  const warning = `site ${site.id} (${site.name}) is archived but origin ${origin.slice(0, ORIGIN_KEPT)} still embeds it`;
  return new SiteRefusal('not_found', 'no such site', site.id, origin, warning);
}

export function originNotAllowed(site: Site, origin: string | undefined): AppError {
  const message = 'this origin may not use the site';
  if (!origin) return new AppError('bad_origin', message);
  const warning = `origin ${origin.slice(0, ORIGIN_KEPT)} is not allowed for site ${site.id} (${site.name}): add it in Settings → Sites`;
  return new SiteRefusal('bad_origin', message, site.id, origin, warning);
}

/**
 * One warning per site and origin per hour: a page refused on every view would otherwise fill the
 * log. The memory is bounded; past the bound the oldest pair is forgotten (and may warn again).
 */
export class OriginWarnings {
  private readonly lastWarned = new Map<string, number>();

  constructor(
    private readonly warn: (text: string) => void,
    private readonly limit = 1000,
    private readonly clock: () => number = Date.now,
  ) {}

  report(refusal: SiteRefusal): void {
    const key = `${refusal.siteId}\n${refusal.origin}`;
    const time = this.clock();
    const last = this.lastWarned.get(key);
    if (last !== undefined && time - last < HOUR_MS) return;
    // Re-inserted at the end, so that the map's order is oldest first.
    this.lastWarned.delete(key);
    this.lastWarned.set(key, time);
    while (this.lastWarned.size > this.limit) {
      const oldest = this.lastWarned.keys().next().value;
      if (oldest === undefined) break;
      this.lastWarned.delete(oldest);
    }
    this.warn(refusal.warning);
  }

  get size(): number {
    return this.lastWarned.size;
  }
}

/** The owner reads in the log what to add; the plugin's routes report their refusals through this. */
export function warnOwnersOfRefusals(app: FastifyInstance): void {
  app.addHook('onError', async (_request, _reply, error) => {
    if (error instanceof SiteRefusal) app.originWarnings.report(error);
  });
}

/**
 * A refusal of a cross-origin request is readable by the page that made it: without this header
 * the browser hides the status and the body, and the widget cannot tell a wrong embed from a
 * network failure. The body of an error names only the error.
 */
export function readableRefusals(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const origin = request.headers.origin;
    if (reply.statusCode >= 400 && origin && !reply.hasHeader('access-control-allow-origin')) {
      letOriginRead(reply, origin);
    }
    return payload;
  });
}

/** Lets the page on `origin` read this response; caches keep one answer per origin. */
export function letOriginRead(reply: FastifyReply, origin: string): void {
  reply.header('access-control-allow-origin', origin);
  const vary = reply.getHeader('vary');
  if (vary === undefined || vary === '') reply.header('vary', 'origin');
  else if (!/\borigin\b/i.test(String(vary))) reply.header('vary', `${String(vary)}, origin`);
}
