// The Redis bus, presence and counters against the contracts every implementation keeps, on a real
// redis-server; "nodes" are instances on connections of their own over the one server.

import { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll } from 'vitest';
import { describeEventBus } from '../../src/events/bus.contract.ts';
import { RedisBus } from '../../src/events/redis/bus.ts';
import { describeCounterStore } from '../../src/limits/counter-store.contract.ts';
import { RedisCounters } from '../../src/limits/redis/counters.ts';
import { CONTRACT_TTL_MS, describePresence } from '../../src/realtime/presence.contract.ts';
import { RedisPresence } from '../../src/realtime/redis/presence.ts';
import { type RedisServer, startRedis } from './redis-server.ts';

let server: RedisServer;
/** Connections opened for the counters, which the contract lets go without waiting. */
const opened: Redis[] = [];

beforeAll(async () => {
  server = await startRedis();
});

afterAll(async () => {
  for (const redis of opened) redis.disconnect();
  await server?.stop();
});

/** Each test's keys and channel under a prefix of its own, so that each starts from an empty store. */
const fresh = () => `test:${nanoid(8)}:`;

function connection(): Redis {
  const redis = new Redis(server.url);
  opened.push(redis);
  return redis;
}

describeEventBus('RedisBus', () => {
  const reported: unknown[] = [];
  const channel = `${fresh()}events`;
  const buses: RedisBus[] = [];
  const connections: Redis[] = [];
  return {
    reported,
    node: async () => {
      const redis = connection();
      connections.push(redis);
      const bus = new RedisBus(redis, { channel, onError: (err) => reported.push(err), onTrouble: () => {} });
      buses.push(bus);
      await bus.ready;
      return bus;
    },
    close: async () => {
      for (const bus of buses) bus.close();
      await Promise.all(connections.map((redis) => redis.quit()));
    },
  };
});

describePresence('RedisPresence', (clock) => {
  const prefix = fresh();
  const connections: Redis[] = [];
  return {
    node: () => {
      const redis = connection();
      connections.push(redis);
      return new RedisPresence(redis, { prefix, ttlMs: CONTRACT_TTL_MS, clock });
    },
    close: async () => {
      await Promise.all(connections.map((redis) => redis.quit()));
    },
  };
});

describeCounterStore('RedisCounters', () => {
  const redis = connection();
  return { store: new RedisCounters(redis, fresh()), close: () => redis.disconnect() };
});
