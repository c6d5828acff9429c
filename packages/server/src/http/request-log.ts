// One line per request, at debug only: info stays for start, stop, the setup link and warnings.

import { type FastifyReply, type FastifyRequest, LogController } from 'fastify';

export class DebugRequestLog extends LogController {
  override incomingRequest(): void {}

  override routeNotFound(request: FastifyRequest): void {
    request.log.debug({ method: request.method, url: request.url.split('?')[0] }, 'no such route');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
    metadata?: Record<string, unknown>,
  ): void {
    // A failed reply keeps Fastify's own error line.
    if (error) {
      super.requestCompleted(error, request, reply, metadata);
      return;
    }
    request.log.debug(
      {
        method: request.method,
        // Visitor tokens travel in the socket URL's query: never write them to the log.
        url: request.url.split('?')[0],
        status: reply.statusCode,
        // The client's address; behind a proxy, from X-Forwarded-For when TRUST_PROXY names the proxy.
        ip: request.ip,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    );
  }
}
