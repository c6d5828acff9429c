// Serving attached files: by signed link to the widget, by session to operators; never run in our origin.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { idSchema } from '@livechat/protocol/validate';
import { operatorFromRequest } from '../operators/sessions.ts';
import type { ServedFile } from './served-files.ts';

type FileRequest = FastifyRequest<{ Params: { attachmentId: string }; Querystring: Record<string, unknown> }>;

/** Only raster images show in the page; anything else (SVG would be a document) is a download. */
const INLINE = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'image/avif', 'image/heic']);

/** RFC 5987 `filename*`: UTF-8, percent-encoded, with the characters the attribute may not carry encoded too. */
function contentDisposition(file: ServedFile): string {
  const encoded = encodeURIComponent(file.name).replace(
    /['()*!]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${INLINE.has(file.mime) ? 'inline' : 'attachment'}; filename*=UTF-8''${encoded}`;
}

const notFound = (): AppError => new AppError('not_found', 'no such file');

async function sendFile(app: FastifyInstance, request: FastifyRequest, reply: FastifyReply, file: ServedFile) {
  // The bytes never run as a page of ours: not sniffed into HTML, and sandboxed if opened directly.
  reply
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(file))
    .header('content-length', String(file.size))
    .header('cache-control', 'private');
  if (request.method === 'HEAD') return reply.send();
  const bytes = await app.files.get(file.hash);
  if (!bytes) {
    request.log.error({ attachment: file.id }, 'an attached file has no bytes in the store');
    throw notFound();
  }
  return reply.send(bytes);
}

export async function fileServingRoutes(app: FastifyInstance): Promise<void> {
  const { store, fileLinks } = app;

  // No token: an <img> on the site's page and a download link must work. The signature is the right.
  app.route({
    method: ['GET', 'HEAD'],
    url: '/api/files/:attachmentId',
    handler: async (request: FileRequest, reply) => {
      const { attachmentId } = request.params;
      fileLinks.verify(attachmentId, request.query.expires, request.query.sig);
      const file = await store.servedFiles.ofPublicMessage(attachmentId);
      if (!file) throw notFound();
      return sendFile(app, request, reply, file);
    },
  });

  app.route({
    method: ['GET', 'HEAD'],
    url: '/api/operator/files/:attachmentId',
    handler: async (request: FileRequest, reply) => {
      const { attachmentId } = request.params;
      // Without a session, or without the right to read the conversation, the file does not exist.
      const operator = await operatorFromRequest(store, request);
      if (!operator || !idSchema.safeParse(attachmentId).success) throw notFound();
      const file = await store.servedFiles.readableBy(operator, attachmentId);
      if (!file) throw notFound();
      return sendFile(app, request, reply, file);
    },
  });
}
