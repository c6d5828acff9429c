// Module switches: every operator may read them, admins change them.

import type { ModuleSettings } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { parseBody } from '../http/errors.ts';
import { requireAdmin, requireOperator } from '../operators/guard.ts';
import { audit } from '../privacy/audit.ts';

const modulesSchema = z.strictObject({ helpdesk: z.boolean().optional(), crm: z.boolean().optional() });

export async function settingsRoutes(app: FastifyInstance): Promise<void> {
  const { store, commands } = app;

  app.get('/api/operator/modules', { preHandler: requireOperator }, async () => store.settings.modules());

  app.put('/api/admin/modules', { preHandler: requireAdmin }, async (request) => {
    const changes = parseBody(modulesSchema, request.body);
    const current = await store.settings.modules();
    const next: ModuleSettings = {
      helpdesk: changes.helpdesk ?? current.helpdesk,
      crm: changes.crm ?? current.crm,
    };
    const saved = await store.settings.saveModules(next);
    if (current.helpdesk !== saved.helpdesk || current.crm !== saved.crm) {
      await audit(
        app,
        request.operator,
        'modules.changed',
        { kind: 'modules', id: null, label: null },
        {
          before: current,
          after: saved,
        },
      );
    }
    await commands.announceAvailable();
    return saved;
  });
}
