// HTTP limits: @fastify/rate-limit counts each window in the shared store; a full one answers 429
// with Retry-After and the usual `rate_limited` body.

import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify';
import { RateLimited } from '../errors.ts';
import { hashSecret } from '../ids.ts';
import { bearerToken } from '../visitors/tokens.ts';
import { addressKey } from './address.ts';
import type { CounterStore } from './counter-store.ts';
import type { Rate } from './rates.ts';
import { rateLimitStoreOver } from './shared-store.ts';

export async function registerHttpLimits(app: FastifyInstance, counters: CounterStore): Promise<void> {
  // Not global: each limited route says what it counts by; the others are not counted at all.
  await app.register(fastifyRateLimit, { global: false, store: rateLimitStoreOver(counters), skipOnError: false });
}

/** Counts by the caller's address (X-Forwarded-For only from a trusted proxy). */
export const byAddress = (request: FastifyRequest): string => `ip:${addressKey(request.ip)}`;

/** Counts by the visitor token in Authorization; one that is missing or wrong is refused later anyway. */
export const byVisitorToken = (request: FastifyRequest): string =>
  `token:${hashSecret(bearerToken(request.headers.authorization) ?? '')}`;

/** An onRequest hook: every window of `rate` counts the request; the longest wait of a full one is told. */
export function httpLimit(
  app: FastifyInstance,
  name: string,
  rate: Rate,
  keyOf: (request: FastifyRequest) => string,
): onRequestHookHandler {
  const checks = rate.map((window) =>
    app.createRateLimit({
      max: window.max,
      timeWindow: window.windowMs,
      keyGenerator: (request) => `${name}:${keyOf(request)}`,
    }),
  );
  return async (request) => {
    let waitMs = 0;
    for (const check of checks) {
      const result = await check(request);
      if (!result.isAllowed && result.isExceeded) waitMs = Math.max(waitMs, result.ttl);
    }
    if (waitMs > 0) {
      throw new RateLimited(
        `too many ${name.replaceAll('-', ' ')}; try again in ${Math.ceil(waitMs / 1000)} s`,
        waitMs,
      );
    }
  };
}
