// Presence in Redis, shared by every node: a sorted set per operator holds their connections scored by
// when each stops counting, and one sorted set holds each operator scored by their latest such time,
// so that online() is one range read. Each change is one Lua script, so nodes never interleave halves.

import type { Redis } from 'ioredis';
import { PRESENCE_TTL_MS, type Presence } from '../presence.ts';

/** KEYS: operators, the operator's connections. ARGV: now, expires at, operator, connection. */
const ADD = `
local before = redis.call('ZCOUNT', KEYS[2], '(' .. ARGV[1], '+inf')
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[4])
redis.call('ZADD', KEYS[1], 'GT', ARGV[2], ARGV[3])
if before == 0 then return 1 end
return 0`;

/** KEYS and ARGV as ADD's, without the expiry; the operator's score becomes that of their latest connection left. */
const REMOVE = `
redis.call('ZREM', KEYS[2], ARGV[4])
redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
local latest = redis.call('ZRANGE', KEYS[2], -1, -1, 'WITHSCORES')
if #latest == 0 then
  redis.call('ZREM', KEYS[1], ARGV[3])
else
  redis.call('ZADD', KEYS[1], latest[2], ARGV[3])
end
return 0`;

/**
 * KEYS: operators. ARGV: now, the prefix of an operator's connections. An operator whose latest
 * connection expired has none left that counts: both their entries go, so dead nodes leave no trace.
 */
const ONLINE = `
local gone = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
for _, operator in ipairs(gone) do redis.call('DEL', ARGV[2] .. operator) end
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
return redis.call('ZRANGEBYSCORE', KEYS[1], '(' .. ARGV[1], '+inf')`;

export interface RedisPresenceOptions {
  /** Keeps one deployment's keys apart from another's on the same Redis. */
  prefix?: string;
  ttlMs?: number;
  /** Milliseconds now; tests move it instead of waiting. Nodes' clocks must agree well within the TTL. */
  clock?: () => number;
}

export class RedisPresence implements Presence {
  private readonly prefix: string;
  private readonly ttlMs: number;
  private readonly clock: () => number;
  /** This node's connections, refreshed by refresh(): connection → operator. */
  private readonly local = new Map<string, string>();

  /**
   * `redis` stays the caller's. Commands go out on its one connection in the order they were called,
   * which keeps a remove behind its add.
   */
  constructor(
    private readonly redis: Redis,
    options: RedisPresenceOptions = {},
  ) {
    this.prefix = options.prefix ?? 'livechat:presence:';
    this.ttlMs = options.ttlMs ?? PRESENCE_TTL_MS;
    this.clock = options.clock ?? Date.now;
  }

  async add(operatorId: string, connectionId: string): Promise<boolean> {
    this.local.set(connectionId, operatorId);
    return (await this.keep(operatorId, connectionId)) === 1;
  }

  async remove(operatorId: string, connectionId: string): Promise<void> {
    this.local.delete(connectionId);
    const now = this.clock();
    await this.redis.eval(
      REMOVE,
      2,
      this.operatorsKey(),
      this.connectionsKey(operatorId),
      now,
      0,
      operatorId,
      connectionId,
    );
  }

  /** Also what puts this node's connections back after Redis lost them (a restart without saving). */
  async refresh(): Promise<void> {
    await Promise.all([...this.local].map(([connectionId, operatorId]) => this.keep(operatorId, connectionId)));
  }

  async isOnline(operatorId: string): Promise<boolean> {
    const latest = await this.redis.zscore(this.operatorsKey(), operatorId);
    return latest !== null && Number(latest) > this.clock();
  }

  async online(): Promise<string[]> {
    const reply = await this.redis.eval(ONLINE, 1, this.operatorsKey(), this.clock(), this.connectionsKey(''));
    return Array.isArray(reply) ? reply.map(String) : [];
  }

  private keep(operatorId: string, connectionId: string): Promise<unknown> {
    const now = this.clock();
    const keys = [this.operatorsKey(), this.connectionsKey(operatorId)];
    return this.redis.eval(ADD, 2, ...keys, now, now + this.ttlMs, operatorId, connectionId);
  }

  private operatorsKey(): string {
    return `${this.prefix}operators`;
  }

  private connectionsKey(operatorId: string): string {
    return `${this.prefix}operator:${operatorId}`;
  }
}
