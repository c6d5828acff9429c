// Nodes keep talking through a Redis that restarted: ioredis reconnects, the bus subscribes again, and
// presence counts each node's connections again at its next refresh.

import type { BusEvent } from '../../src/events/bus.ts';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisBus } from '../../src/events/redis/bus.ts';
import { RedisPresence } from '../../src/realtime/redis/presence.ts';
import { type RedisServer, startRedis } from './redis-server.ts';

let server: RedisServer;
const connections: Redis[] = [];

beforeAll(async () => {
  server = await startRedis();
});

afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await server?.stop();
});

/** A connection that keeps retrying soon, as a node's would, and stays quiet about the outage. */
function connection(): Redis {
  const redis = new Redis(server.url, { retryStrategy: () => 50 });
  redis.on('error', () => {});
  connections.push(redis);
  return redis;
}

async function openBus(): Promise<RedisBus> {
  const bus = new RedisBus(connection(), { channel: 'restart:events', onError: () => {}, onTrouble: () => {} });
  await bus.ready;
  return bus;
}

/** An operator's command result, told apart by its id. */
const note = (id: string): BusEvent => ({ kind: 'to-operator', operatorId: 'alice', frame: { type: 'pong', id } });

/** Resolves with the first event `bus` hears that satisfies `wanted`. */
function heard(bus: RedisBus, wanted: (event: BusEvent) => boolean): Promise<BusEvent> {
  return new Promise((resolve) => {
    const unsubscribe = bus.subscribe((event) => {
      if (!wanted(event)) return;
      unsubscribe();
      resolve(event);
    });
  });
}

/**
 * Publishes numbered notes until the receiver hears one: the bus is lossy while a node is still
 * reconnecting, so the first may be gone (a test that never gets through fails on its timeout).
 */
async function getThrough(from: RedisBus, to: RedisBus): Promise<BusEvent> {
  const arrival = heard(to, (event) => event.kind === 'to-operator');
  let n = 0;
  let arrived = false;
  void arrival.then(() => (arrived = true));
  while (!arrived) {
    from.publish(note(`after-${n++}`));
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return arrival;
}

describe('nodes over one Redis', () => {
  it('hand an event from one node to the other, as it was published', async () => {
    const [a, b] = [await openBus(), await openBus()];
    const arrival = heard(b, () => true);
    a.publish(note('hello'));
    expect(await arrival).toEqual(note('hello'));
    a.close();
    b.close();
  });

  it('talk again on the bus after redis-server restarted', async () => {
    const [a, b] = [await openBus(), await openBus()];
    await server.restart();
    const event = await getThrough(a, b);
    expect(event.kind === 'to-operator' && event.operatorId).toBe('alice');
    a.close();
    b.close();
  });

  it('count an operator online again after redis-server restarted, from the next refresh', async () => {
    const [a, b] = [new RedisPresence(connection()), new RedisPresence(connection())];
    await a.add('alice', 'a-1');
    expect(await b.online()).toEqual(['alice']);
    await server.restart();
    // The restart kept nothing; the node that still holds the connection tells Redis again.
    expect(await b.online()).toEqual([]);
    await a.refresh();
    expect(await b.online()).toEqual(['alice']);
    expect(await b.isOnline('alice')).toBe(true);
  });
});
