// An app given REDIS_URL counts its operators in Redis, where another node's presence sees them.

import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Presence } from '../../src/realtime/presence.ts';
import { RedisPresence } from '../../src/realtime/redis/presence.ts';
import { connectOperator, createOperator, discard, settle, startServer, type TestServer } from '../harness.ts';
import { type RedisServer, startRedis } from './redis-server.ts';

let redisServer: RedisServer;
let server: TestServer;
let redis: Redis;

beforeAll(async () => {
  redisServer = await startRedis();
  server = await startServer({ redisUrl: redisServer.url });
  redis = new Redis(redisServer.url);
});

afterAll(async () => {
  await redis?.quit();
  if (server) await discard(server);
  await redisServer?.stop();
});

/** Asks until the answer is `expected`: the app counts a connection alongside its welcome, not before. */
async function untilOnline(presence: Presence, expected: string[]): Promise<void> {
  while (JSON.stringify(await presence.online()) !== JSON.stringify(expected)) await settle(20);
}

describe('an app given REDIS_URL', () => {
  it('shows its operator online to another node, and offline once their socket closes', async () => {
    const otherNode = new RedisPresence(redis);
    const alice = await createOperator(server, 'Alice');
    expect(await otherNode.online()).toEqual([]);
    const client = await connectOperator(server, alice);
    await untilOnline(otherNode, [alice.id]);
    expect(await otherNode.isOnline(alice.id)).toBe(true);
    await client.close();
    await untilOnline(otherNode, []);
    expect(await otherNode.isOnline(alice.id)).toBe(false);
  });
});
