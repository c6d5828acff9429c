// The audit log over HTTP (admins): newest first, a page at a time.

import type { AuditPage } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { parseQuery } from '../http/query.ts';
import { requireAdmin } from '../operators/guard.ts';

export const AUDIT_PAGE = 50;

const auditQuery = z.strictObject({
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'a cursor is the nextCursor of an earlier page')
    .transform(Number)
    .optional(),
});

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/admin/audit', { preHandler: requireAdmin }, async (request) => {
    const { cursor } = parseQuery(auditQuery, request.query);
    const { entries, next } = await app.store.audit.page(cursor ?? null, AUDIT_PAGE);
    return { entries, nextCursor: next === null ? null : String(next) } satisfies AuditPage;
  });
}
