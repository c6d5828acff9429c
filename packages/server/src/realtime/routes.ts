// The two WebSocket endpoints. Upgrades are authenticated before the socket exists: a bad token,
// session or Origin is refused with an HTTP error and never becomes a connection.

import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { refuseRepeated } from '../http/query.ts';
import { hashSecret } from '../ids.ts';
import { expectedOrigin, operatorFromRequest, SESSION_COOKIE } from '../operators/sessions.ts';
import { warnOwnersOfRefusals } from '../sites/refusals.ts';
import { siteForOrigin, visitorForToken } from '../visitors/tokens.ts';
import type { VisitorSession } from './sessions.ts';
import type { OperatorProfile } from '@livechat/protocol';

declare module 'fastify' {
  interface FastifyRequest {
    visitorSession?: Omit<VisitorSession, 'connection' | 'kind'>;
    socketOperator?: { operator: OperatorProfile; sessionHash: string };
  }
}

type VisitorUpgrade = FastifyRequest<{ Querystring: { site?: string; token?: string } }>;

export async function realtimeRoutes(app: FastifyInstance): Promise<void> {
  const { store, gateway, config } = app;
  warnOwnersOfRefusals(app);

  app.get(
    '/ws/visitor',
    {
      websocket: true,
      preValidation: async (request: VisitorUpgrade) => {
        refuseRepeated(request.query);
        const site = await siteForOrigin(store, request.query.site ?? '', request.headers.origin);
        const visitor = await visitorForToken(store, site, request.query.token);
        request.visitorSession = {
          site,
          visitor,
          tokenHash: hashSecret(request.query.token ?? ''),
          origin: request.headers.origin ?? '',
        };
      },
    },
    (socket, request) => {
      if (!request.visitorSession) return socket.close(1011, 'not authenticated');
      gateway.acceptVisitor(socket, request.visitorSession);
    },
  );

  app.get(
    '/ws/operator',
    {
      websocket: true,
      preValidation: async (request) => {
        refuseRepeated(request.query);
        if (request.headers.origin !== expectedOrigin(request, config.publicUrl)) {
          throw new AppError('bad_origin', 'operator sockets must come from this server’s own pages');
        }
        const operator = await operatorFromRequest(store, request);
        if (!operator) throw new AppError('unauthorized', 'log in first');
        request.socketOperator = { operator, sessionHash: hashSecret(request.cookies[SESSION_COOKIE] ?? '') };
      },
    },
    (socket, request) => {
      if (!request.socketOperator) return socket.close(1011, 'not authenticated');
      gateway.acceptOperator(socket, request.socketOperator.operator, request.socketOperator.sessionHash);
    },
  );
}
