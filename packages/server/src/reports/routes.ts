// Admin HTTP route for reports: GET /api/admin/reports?days=7|30.

import { z } from '@livechat/protocol/validate';
import type { FastifyInstance } from 'fastify';
import { parseQuery } from '../http/query.ts';
import { requireAdmin } from '../operators/guard.ts';
import { buildReport } from './report.ts';

const reportQuery = z.strictObject({
  days: z.enum(['7', '30'], 'days is 7 or 30').default('7'),
});

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  app.get('/api/admin/reports', { preHandler: requireAdmin }, async (request, reply) => {
    const { days } = parseQuery(reportQuery, request.query);
    // Figures change with every conversation: no cache keeps an old one.
    reply.header('cache-control', 'no-store');
    return buildReport(app.store, days === '30' ? 30 : 7, new Date());
  });
}
