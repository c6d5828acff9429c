// Upload routes: a visitor's (bearer token, called cross-origin by the widget) and an operator's (session).

import fastifyMultipart from '@fastify/multipart';
import { ATTACHMENT_KINDS, MAX_ATTACHMENT_MAX_BYTES, type UploadCreated } from '@livechat/protocol';
import type { FastifyInstance } from 'fastify';
import { byVisitorToken, httpLimit } from '../limits/http.ts';
import { requireOperator } from '../operators/guard.ts';
import { readableRefusals } from '../sites/refusals.ts';
import { type SiteRequest, visitorChange } from '../visitors/visitor-request.ts';
import type { Upload } from './repository.ts';
import { receiveUpload, type UploadRules } from './upload.ts';

/** Operators are signed in and answer on every site: any kind, up to the largest size a site may choose. */
const OPERATOR_RULES: UploadRules = { maxBytes: MAX_ATTACHMENT_MAX_BYTES, kinds: ATTACHMENT_KINDS };

function created(upload: Upload): UploadCreated {
  const { id, name, size, kind, mime, width, height } = upload;
  const pixels = width !== undefined && height !== undefined ? { width, height } : {};
  return { attachment: { id, name, size, kind, mime, ...pixels } };
}

export async function fileRoutes(app: FastifyInstance): Promise<void> {
  // Registered here only, so that no other route accepts multipart bodies.
  await app.register(fastifyMultipart, { limits: { files: 1, fields: 10, parts: 20 } });
  await app.register(visitorUploadRoutes);
  await app.register(operatorUploadRoutes);
}

async function visitorUploadRoutes(app: FastifyInstance): Promise<void> {
  const { store, files } = app;
  // The widget must be able to read why an upload was refused, like every other visitor route's refusal.
  readableRefusals(app);
  app.post(
    '/api/sites/:siteId/uploads',
    { onRequest: httpLimit(app, 'uploads', app.config.limits.uploadsPerToken, byVisitorToken) },
    async (request: SiteRequest, reply) => {
      const { site, visitor } = await visitorChange(store, request, reply);
      const owner = { kind: 'visitor', visitorId: visitor.id, siteId: site.id } as const;
      const upload = await receiveUpload({ store, files }, request, owner, site.attachments);
      return reply.status(201).send(created(upload));
    },
  );
}

async function operatorUploadRoutes(app: FastifyInstance): Promise<void> {
  const { store, files } = app;
  app.post('/api/operator/uploads', { preHandler: requireOperator }, async (request, reply) => {
    const owner = { kind: 'operator', operatorId: request.operator.id } as const;
    const upload = await receiveUpload({ store, files }, request, owner, OPERATOR_RULES);
    return reply.status(201).send(created(upload));
  });
}
