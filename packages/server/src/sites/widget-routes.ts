// What the widget reads from the server on a site's pages: its name, how it looks, and whether the team is there.

import type { WidgetConfig } from '@livechat/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { siteInUse } from '../visitors/tokens.ts';
import { teamAvailability } from './availability.ts';
import { letOriginRead, originNotAllowed, readableRefusals, warnOwnersOfRefusals } from './refusals.ts';
import { isOriginAllowed, type Site } from './repository.ts';

type SiteRequest = FastifyRequest<{ Params: { siteId: string } }>;

export async function widgetConfigRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app;
  readableRefusals(app);
  warnOwnersOfRefusals(app);

  /** The site in use, readable by its own origins. */
  async function readableSite(request: SiteRequest, reply: FastifyReply): Promise<Site> {
    const origin = request.headers.origin;
    const site = await siteInUse(store, request.params.siteId, origin);
    // A same-origin GET carries no Origin (the server's own demo pages): only a page elsewhere is checked.
    if (origin !== undefined) {
      if (!isOriginAllowed(site, origin)) throw originNotAllowed(site, origin);
      letOriginRead(reply, origin);
    }
    return site;
  }

  app.get('/api/sites/:siteId/widget', async (request: SiteRequest, reply) => {
    const site = await readableSite(request, reply);
    return { siteName: site.name, widget: site.widget, attachments: site.attachments } satisfies WidgetConfig;
  });

  app.get('/api/sites/:siteId/availability', async (request: SiteRequest, reply) => {
    const site = await readableSite(request, reply);
    // Who is online changes from one second to the next: no cache keeps an old answer.
    reply.header('cache-control', 'no-store');
    return teamAvailability(store, app.presence, site, new Date());
  });
}
