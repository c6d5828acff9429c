// What the widget reads from the server on a site's pages: its name and how it looks.

import type { WidgetConfig } from '@livechat/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { siteInUse } from '../visitors/tokens.ts';
import { letOriginRead, originNotAllowed, readableRefusals, warnOwnersOfRefusals } from './refusals.ts';
import { isOriginAllowed } from './repository.ts';

type SiteRequest = FastifyRequest<{ Params: { siteId: string } }>;

export async function widgetConfigRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app;
  readableRefusals(app);
  warnOwnersOfRefusals(app);

  app.get('/api/sites/:siteId/widget', async (request: SiteRequest, reply) => {
    const origin = request.headers.origin;
    const site = await siteInUse(store, request.params.siteId, origin);
    // A same-origin GET carries no Origin (the server's own demo pages): only a page elsewhere is checked.
    if (origin !== undefined) {
      if (!isOriginAllowed(site, origin)) throw originNotAllowed(site, origin);
      letOriginRead(reply, origin);
    }
    return { siteName: site.name, widget: site.widget } satisfies WidgetConfig;
  });
}
