// A visitor's data over HTTP (admins): export it as one JSON file, or erase it.

import type { VisitorErased } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.ts';
import { deleteUnnamedFiles } from '../files/release.ts';
import { parseBody, validId } from '../http/errors.ts';
import { requireAdmin } from '../operators/guard.ts';
import { audit } from './audit.ts';
import { exportVisitor } from './visitor-export.ts';

const eraseSchema = z.strictObject({ confirm: z.string().max(100) });

type VisitorParams = { Params: { visitorId: string } };

export async function privacyVisitorRoutes(app: FastifyInstance): Promise<void> {
  const { store, gateway, files } = app;

  app.get<VisitorParams>(
    '/api/admin/visitors/:visitorId/export',
    { preHandler: requireAdmin },
    async (request, reply) => {
      const visitorId = validId(request.params.visitorId);
      const exported = await exportVisitor(store, visitorId);
      if (!exported) throw new AppError('not_found', 'no such visitor');
      // The audit log names the visitor by id only: a name would outlive an erasure there.
      await audit(
        app,
        request.operator,
        'visitor.exported',
        { kind: 'visitor', id: visitorId, label: null },
        {
          siteId: exported.siteId,
          conversations: exported.conversations.length,
        },
      );
      return reply.header('content-disposition', `attachment; filename="visitor-${visitorId}.json"`).send(exported);
    },
  );

  app.post<VisitorParams>('/api/admin/visitors/:visitorId/erase', { preHandler: requireAdmin }, async (request) => {
    const visitorId = validId(request.params.visitorId);
    const { confirm } = parseBody(eraseSchema, request.body);
    if (confirm !== visitorId) {
      throw new AppError('bad_request', 'confirm: type the visitor’s id to confirm the erasure; nothing was erased');
    }
    const erased = await store.visitorData.eraseVisitor(visitorId);
    if (!erased) throw new AppError('not_found', 'no such visitor (or erased already)');
    // The records are gone: bytes whose deletion fails are orphans, never a record without its file.
    const filesDeleted = await deleteUnnamedFiles({ store, files }, erased.unnamedFiles);
    gateway.endVisitor(visitorId);
    gateway.conversationsDeleted(erased.conversationIds);
    const result: VisitorErased = {
      visitorId,
      conversations: erased.conversationIds.length,
      messages: erased.messages,
      pageViews: erased.pageViews,
      redactedRecords: erased.redactedRecords,
    };
    const { visitorId: _id, ...counts } = result;
    await audit(app, request.operator, 'visitor.erased', { kind: 'visitor', id: visitorId, label: null }, counts);
    app.log.info({ by: request.operator.id, ...result, filesDeleted }, 'a visitor was erased');
    return result;
  });
}
