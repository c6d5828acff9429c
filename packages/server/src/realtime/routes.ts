// The two WebSocket endpoints. Upgrades are authenticated before the socket exists: a bad token,
// session or Origin is refused with an HTTP error and never becomes a connection.

import { CLOSE_TOO_MANY_SOCKETS } from '@livechat/protocol';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { WebSocket } from 'ws';
import { AppError } from '../errors.ts';
import { refuseRepeated } from '../http/query.ts';
import { hashSecret } from '../ids.ts';
import { addressKey } from '../limits/address.ts';
import type { SocketClaim } from '../limits/socket-quota.ts';
import { expectedOrigin, operatorFromRequest, SESSION_COOKIE } from '../operators/sessions.ts';
import { warnOwnersOfRefusals } from '../sites/refusals.ts';
import { siteForOrigin, visitorForToken } from '../visitors/tokens.ts';
import type { VisitorSession } from './sessions.ts';
import type { OperatorProfile } from '@livechat/protocol';

declare module 'fastify' {
  interface FastifyRequest {
    visitorSession?: Omit<VisitorSession, 'connection' | 'kind' | 'welcoming'>;
    socketOperator?: { operator: OperatorProfile; sessionHash: string };
  }
}

type VisitorUpgrade = FastifyRequest<{ Querystring: { site?: string; token?: string } }>;

export async function realtimeRoutes(app: FastifyInstance): Promise<void> {
  const { store, gateway, config, limits } = app;
  const { socketsPerToken, socketsPerIp, socketsPerSession } = limits.settings;
  warnOwnersOfRefusals(app);

  /**
   * Holds the socket's places under its claims before any frame is read; when one is full the new
   * socket closes with 4029 and says which. The places are given back when the socket closes.
   */
  async function admit(socket: WebSocket, claims: SocketClaim[], accept: () => void): Promise<void> {
    socket.pause();
    const answer = await limits.sockets.acquire(claims);
    if (!answer.ok) {
      // Reading again, so that the client's answer to the close is heard and the socket ends now.
      socket.resume();
      socket.close(CLOSE_TOO_MANY_SOCKETS, answer.reason);
      return;
    }
    if (socket.readyState !== socket.OPEN) return answer.release();
    socket.once('close', answer.release);
    accept();
    socket.resume();
  }

  /** The counters could not be reached (a shared store that is down): the client retries later. */
  function refuse(socket: WebSocket, err: unknown): void {
    app.log.error({ err }, 'could not count a new socket');
    socket.resume();
    socket.close(1011, 'try again later');
  }

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
          address: addressKey(request.ip),
        };
      },
    },
    (socket, request) => {
      const session = request.visitorSession;
      if (!session) return socket.close(1011, 'not authenticated');
      const claims = [
        { key: `sockets:token:${session.tokenHash}`, max: socketsPerToken, label: 'this visitor token' },
        { key: `sockets:ip:${session.address}`, max: socketsPerIp, label: 'this address' },
      ];
      admit(socket, claims, () => gateway.acceptVisitor(socket, session)).catch((err: unknown) => refuse(socket, err));
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
      const login = request.socketOperator;
      if (!login) return socket.close(1011, 'not authenticated');
      const claims = [
        { key: `sockets:session:${login.sessionHash}`, max: socketsPerSession, label: 'this login session' },
      ];
      admit(socket, claims, () => gateway.acceptOperator(socket, login.operator, login.sessionHash)).catch(
        (err: unknown) => refuse(socket, err),
      );
    },
  );
}
