// The sockets counted per token, address and login session in Redis, when a node dies without giving
// its back (SIGKILL) and when Redis restarts: each node's share counts only while it refreshes it.

import { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisCounters } from '../../src/limits/redis/counters.ts';
import { SocketQuota } from '../../src/limits/socket-quota.ts';
import { type RedisServer, startRedis } from './redis-server.ts';

/** Short, so that a dead node's share lapses within the test; nodes refresh well inside it. */
const HOLD_MS = 400;

let server: RedisServer;
const connections: Redis[] = [];

beforeAll(async () => {
  server = await startRedis();
});

afterAll(async () => {
  for (const redis of connections) redis.disconnect();
  await server?.stop();
});

function nodeCounters(prefix: string, node: string): RedisCounters {
  const redis = new Redis(server.url, { retryStrategy: () => 50 });
  redis.on('error', () => {});
  connections.push(redis);
  return new RedisCounters(redis, prefix, node, HOLD_MS);
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const claim = (key: string) => [{ key, max: 3, label: 'this visitor token' }];

describe('sockets counted between nodes in Redis', () => {
  it('stop counting those of a node that no longer refreshes them, and keep those of one that does', async () => {
    const prefix = `gauges:${nanoid(6)}:`;
    const [dead, alive] = [nodeCounters(prefix, 'dead'), nodeCounters(prefix, 'alive')];
    expect(await dead.adjust('sockets:token:t', 1)).toBe(1);
    expect(await dead.adjust('sockets:token:t', 1)).toBe(2);
    expect(await alive.adjust('sockets:token:t', 1)).toBe(3);
    // The dead node gives nothing back; the live one refreshes its share as its heartbeat would.
    let count = 3;
    while (count !== 1) {
      await alive.hold('sockets:token:t', 1);
      await pause(HOLD_MS / 4);
      count = await alive.adjust('sockets:token:t', 0);
    }
    expect(await alive.adjust('sockets:token:t', 1)).toBe(2);
    expect(await alive.adjust('sockets:token:t', -2)).toBe(0);
  });

  it('let a visitor whose sockets were on a killed node open them again on another', async () => {
    const prefix = `gauges:${nanoid(6)}:`;
    const killed = new SocketQuota(nodeCounters(prefix, 'killed'));
    const survivor = new SocketQuota(nodeCounters(prefix, 'survivor'));
    for (let i = 0; i < 3; i++) expect((await killed.acquire(claim('sockets:token:v'))).ok).toBe(true);
    expect(await survivor.acquire(claim('sockets:token:v'))).toMatchObject({ ok: false });
    let answer = await survivor.acquire(claim('sockets:token:v'));
    while (!answer.ok) {
      await pause(HOLD_MS / 4);
      answer = await survivor.acquire(claim('sockets:token:v'));
    }
    expect(answer.ok).toBe(true);
  });

  it('count a node’s sockets again at its next refresh after Redis restarted and kept nothing', async () => {
    const prefix = `gauges:${nanoid(6)}:`;
    const node = new SocketQuota(nodeCounters(prefix, 'node'));
    const other = nodeCounters(prefix, 'other');
    for (let i = 0; i < 2; i++) expect((await node.acquire(claim('sockets:token:r'))).ok).toBe(true);
    await server.restart();
    expect(await other.adjust('sockets:token:r', 0)).toBe(0);
    await node.refresh();
    expect(await other.adjust('sockets:token:r', 0)).toBe(2);
  });
});
