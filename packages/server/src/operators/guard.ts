// Route guard: the request must carry a valid operator session.

import type { OperatorProfile } from '@livechat/protocol';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../errors.ts';
import { operatorFromRequest } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    operator: OperatorProfile;
  }
}

export async function requireOperator(request: FastifyRequest): Promise<void> {
  const operator = await operatorFromRequest(request.server.store, request);
  if (!operator) throw new AppError('unauthorized', 'log in first');
  request.operator = operator;
}

/** Route guard for admin settings: a valid session of an admin. */
export async function requireAdmin(request: FastifyRequest): Promise<void> {
  await requireOperator(request);
  if (request.operator.role !== 'admin') throw new AppError('forbidden', 'only admins may change this');
}
