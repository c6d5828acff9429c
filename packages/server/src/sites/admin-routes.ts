// Admin HTTP routes for sites: list, create, change, archive.

import type { SiteBody, SiteList } from '@livechat/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { requireAdmin } from '../operators/guard.ts';
import { expectedOrigin } from '../operators/sessions.ts';
import { audit } from '../privacy/audit.ts';
import { validSiteId } from '../visitors/tokens.ts';
import { siteChangeEntries } from './audit-entries.ts';
import { siteDetails } from './details.ts';
import { allowedOrigins, queueAlertSeconds, siteInputSchema, siteUpdateSchema } from './schemas.ts';

export async function siteAdminRoutes(app: FastifyInstance): Promise<void> {
  const { store, config } = app;
  const publicBase = (request: FastifyRequest) => expectedOrigin(request, config.publicUrl);

  app.get('/api/admin/sites', { preHandler: requireAdmin }, async (request) => {
    const sites = await store.sites.list();
    return { sites: sites.map((site) => siteDetails(site, publicBase(request))) } satisfies SiteList;
  });

  app.post('/api/admin/sites', { preHandler: requireAdmin }, async (request, reply) => {
    const input = parseBody(siteInputSchema, request.body);
    const site = await store.sites.create({
      ...input,
      allowedOrigins: allowedOrigins(input.allowedOrigins),
      queueAlertSeconds: queueAlertSeconds(input.queueAlertSeconds, config.queueAlertMinSeconds),
    });
    await audit(
      app,
      request.operator,
      'site.created',
      { kind: 'site', id: site.id, label: site.name },
      {
        allowedOrigins: site.allowedOrigins,
        retention: site.retention,
        attachments: site.attachments,
      },
    );
    return reply.status(201).send({ site: siteDetails(site, publicBase(request)) } satisfies SiteBody);
  });

  app.patch<{ Params: { id: string } }>('/api/admin/sites/:id', { preHandler: requireAdmin }, async (request) => {
    const id = validSiteId(request.params.id);
    const input = parseBody(siteUpdateSchema, request.body);
    const origins = input.allowedOrigins === undefined ? undefined : allowedOrigins(input.allowedOrigins);
    const before = await store.sites.get(id);
    const site = await store.sites.update(id, {
      ...input,
      allowedOrigins: origins,
      queueAlertSeconds: queueAlertSeconds(input.queueAlertSeconds, config.queueAlertMinSeconds),
    });
    if (!site || !before) throw new AppError('not_found', 'no such site');
    app.gateway.siteChanged(site);
    for (const { action, details } of siteChangeEntries(before, site)) {
      await audit(app, request.operator, action, { kind: 'site', id: site.id, label: site.name }, details);
    }
    return { site: siteDetails(site, publicBase(request)) } satisfies SiteBody;
  });
}
