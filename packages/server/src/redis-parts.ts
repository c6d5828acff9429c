// The parts nodes share through Redis (REDIS_URL): the bus, presence and the limit counters, on one
// command connection and the bus's own subscriber connection.

import type { FastifyBaseLogger } from 'fastify';
import { Redis } from 'ioredis';
import { RedisBus } from './events/redis/bus.ts';
import { RedisCounters } from './limits/redis/counters.ts';
import { RedisPresence } from './realtime/redis/presence.ts';

export interface RedisParts {
  bus: RedisBus;
  presence: RedisPresence;
  counters: RedisCounters;
  close(): Promise<void>;
}

/** Resolves once the bus hears its channel, so that the node hears every event from its first request. */
export async function openRedisParts(url: string, log: FastifyBaseLogger): Promise<RedisParts> {
  const redis = new Redis(url);
  // ioredis reconnects by itself; an outage is worth a line in the log, not a crash.
  redis.on('error', (err) => log.warn({ err }, 'Redis connection trouble'));
  const bus = new RedisBus(redis, {
    onError: (err, event) => log.error({ err, kind: event.kind }, 'a bus subscriber failed'),
    onTrouble: (err) => log.warn({ err }, 'the Redis bus lost an event or its connection'),
  });
  await bus.ready;
  return {
    bus,
    presence: new RedisPresence(redis),
    counters: new RedisCounters(redis),
    close: async () => {
      bus.close();
      await redis.quit();
    },
  };
}
