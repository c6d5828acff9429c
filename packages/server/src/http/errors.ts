// Turns every failure into a typed `{ error: { code, message } }` body with the right status.

import type { ErrorBody } from '@livechat/protocol';
import type { FastifyError, FastifyInstance } from 'fastify';
import { idSchema, type z } from '@livechat/protocol/validate';
import { AppError, RateLimited } from '../errors.ts';

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof RateLimited) {
      reply.header('retry-after', String(Math.ceil(error.retryAfterMs / 1000)));
      // The widget calls from the site's pages: let them read how long to wait.
      reply.header('access-control-expose-headers', 'retry-after');
    }
    if (error instanceof AppError) {
      return reply
        .status(error.status)
        .send({ error: { code: error.code, message: error.message } } satisfies ErrorBody);
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'request failed');
    const code =
      status === 413
        ? 'frame_too_large'
        : status === 415 || status === 400
          ? 'bad_request'
          : status === 404
            ? 'not_found'
            : 'internal';
    const message = status >= 500 ? 'something went wrong; nothing was changed' : error.message;
    return reply.status(status).send({ error: { code, message } } satisfies ErrorBody);
  });
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: `no route ${request.method} ${request.url.split('?')[0]}` } }),
  );
}

/** Validates an untrusted HTTP body once, at the edge. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`)
      .join('; ');
    throw new AppError('bad_request', detail);
  }
  return parsed.data;
}

/** A server id from a URL, refused with `invalid_id` before any lookup when it is not one. */
export function validId(raw: string): string {
  if (!idSchema.safeParse(raw).success) throw new AppError('invalid_id', 'not a valid id');
  return raw;
}
