// HTTP routes of sites: identity verification here (read the secret, require hashes, rotate), the
// admin's list and settings, and what the widget reads.

import type { SiteIdentitySettings, SiteIdentityUpdate } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { parseBody } from '../http/errors.ts';
import { requireOperator } from '../operators/guard.ts';
import { audit } from '../privacy/audit.ts';
import { siteChangeEntries } from './audit-entries.ts';
import { siteAdminRoutes } from './admin-routes.ts';
import { widgetConfigRoutes } from './widget-routes.ts';

type SiteRequest = FastifyRequest<{ Params: { siteId: string } }>;

const updateSchema: z.ZodType<SiteIdentityUpdate> = z.strictObject({
  requireIdentity: z.boolean().optional(),
  rotateSecret: z.boolean().optional(),
});

export async function siteRoutes(app: FastifyInstance): Promise<void> {
  const { store } = app;
  await app.register(siteAdminRoutes);
  await app.register(widgetConfigRoutes);

  /** The secret signs every user id of the site: only admins see or change it. */
  async function adminSite(request: SiteRequest) {
    await requireOperator(request);
    if (request.operator.role !== 'admin') throw new AppError('forbidden', 'only admins manage identity verification');
    const site = await store.sites.get(request.params.siteId);
    if (!site) throw new AppError('not_found', 'no such site');
    return site;
  }

  app.get('/api/operator/sites/:siteId/identity', async (request: SiteRequest) => {
    const site = await adminSite(request);
    return { secret: site.identitySecret, requireIdentity: site.requireIdentity } satisfies SiteIdentitySettings;
  });

  app.put('/api/operator/sites/:siteId/identity', async (request: SiteRequest) => {
    const site = await adminSite(request);
    const input = parseBody(updateSchema, request.body);
    if (input.requireIdentity !== undefined) await store.sites.setRequireIdentity(site.id, input.requireIdentity);
    if (input.rotateSecret) await store.sites.rotateSecret(site.id);
    const updated = await store.sites.get(site.id);
    if (!updated) throw new AppError('not_found', 'no such site');
    app.gateway.siteChanged(updated);
    const target = { kind: 'site', id: site.id, label: site.name } as const;
    // The new secret is never written down: the entry says that it changed, not to what.
    if (input.rotateSecret) await audit(app, request.operator, 'site.secret_rotated', target);
    for (const { action, details } of siteChangeEntries(site, updated)) {
      await audit(app, request.operator, action, target, details);
    }
    return { secret: updated.identitySecret, requireIdentity: updated.requireIdentity } satisfies SiteIdentitySettings;
  });
}
