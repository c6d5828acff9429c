// The counter store seen through @fastify/rate-limit's store interface, so that its HTTP limits and
// the socket limits count in the same place (and move to Redis together).

import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { CounterStore } from './counter-store.ts';

export function rateLimitStoreOver(counters: CounterStore): FastifyRateLimitStoreCtor {
  return class SharedCounters implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ) {
      counters.hit(`${key}/${timeWindow}`, timeWindow).then(
        ({ count, resetInMs }) => callback(null, { current: count, ttl: resetInMs }),
        (error: Error) => callback(error),
      );
    }

    // Keys carry the limit's name, so every route can share the one store.
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
