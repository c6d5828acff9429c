// The counters behind every limit in Redis, shared by every node: each change is one Lua script, so
// two nodes counting the same key at once never lose a hit.

import type { Redis } from 'ioredis';
import { nanoid } from 'nanoid';
import type { CounterStore, WindowCount } from '../counter-store.ts';

/** The window starts at its first hit; a key that somehow lost its expiry gets one rather than living on. */
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

const PEEK = `
local count = redis.call('GET', KEYS[1])
if not count then return false end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then return false end
return {tonumber(count), ttl}`;

/** Redis's clock in milliseconds, the one every node's deadlines are compared with. */
const NOW = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)`;

/**
 * A gauge is a hash of each node's share (`n:NODE`) and the time until which it counts (`u:NODE`):
 * a node that died without giving its sockets back stops counting once its share is not refreshed,
 * and is swept by the next change. No share goes below zero, and the last one gone takes the key.
 */
const ADJUST = `${NOW}
local mine = redis.call('HINCRBY', KEYS[1], 'n:' .. ARGV[1], ARGV[2])
if mine <= 0 then
  redis.call('HDEL', KEYS[1], 'n:' .. ARGV[1], 'u:' .. ARGV[1])
else
  redis.call('HSET', KEYS[1], 'u:' .. ARGV[1], now + tonumber(ARGV[3]))
end
local total = 0
local fields = redis.call('HGETALL', KEYS[1])
for i = 1, #fields, 2 do
  if string.sub(fields[i], 1, 2) == 'n:' then
    local node = string.sub(fields[i], 3)
    local until_ms = tonumber(redis.call('HGET', KEYS[1], 'u:' .. node) or '0')
    if until_ms > now then
      total = total + tonumber(fields[i + 1])
    else
      redis.call('HDEL', KEYS[1], fields[i], 'u:' .. node)
    end
  end
end
if total > 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return total`;

/** Sets this node's share to what it holds (after a Redis restart it was lost) and counts it for another while. */
const HOLD = `${NOW}
if tonumber(ARGV[2]) <= 0 then
  redis.call('HDEL', KEYS[1], 'n:' .. ARGV[1], 'u:' .. ARGV[1])
  return 0
end
redis.call('HSET', KEYS[1], 'n:' .. ARGV[1], ARGV[2], 'u:' .. ARGV[1], now + tonumber(ARGV[3]))
if redis.call('PTTL', KEYS[1]) < tonumber(ARGV[3]) then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return 1`;

/** How long a node's sockets count without its heartbeat refreshing them (three missed heartbeats). */
export const GAUGE_HOLD_MS = 90_000;

export class RedisCounters implements CounterStore {
  /**
   * `redis` stays the caller's; `prefix` keeps one deployment's keys apart from another's; `node` names
   * this node's share of every gauge, which counts for `holdMs` after its last change or refresh.
   */
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'livechat:limits:',
    private readonly node = nanoid(),
    private readonly holdMs = GAUGE_HOLD_MS,
  ) {}

  async hit(key: string, windowMs: number): Promise<WindowCount> {
    const reply = await this.redis.eval(HIT, 1, this.windowKey(key), Math.max(1, Math.ceil(windowMs)));
    const counted = windowCount(reply);
    if (!counted) throw new Error(`Redis answered a hit with ${JSON.stringify(reply)}`);
    return counted;
  }

  async peek(key: string): Promise<WindowCount | null> {
    return windowCount(await this.redis.eval(PEEK, 1, this.windowKey(key)));
  }

  async reset(key: string): Promise<void> {
    await this.redis.del(this.windowKey(key));
  }

  async adjust(key: string, delta: number): Promise<number> {
    return Number(await this.redis.eval(ADJUST, 1, this.gaugeKey(key), this.node, Math.trunc(delta), this.holdMs));
  }

  async hold(key: string, held: number): Promise<void> {
    await this.redis.eval(HOLD, 1, this.gaugeKey(key), this.node, Math.trunc(held), this.holdMs);
  }

  private gaugeKey(key: string): string {
    return `${this.prefix}gauges:${key}`;
  }

  private windowKey(key: string): string {
    return `${this.prefix}window:${key}`;
  }
}

function windowCount(reply: unknown): WindowCount | null {
  if (!Array.isArray(reply) || reply.length !== 2) return null;
  return { count: Number(reply[0]), resetInMs: Number(reply[1]) };
}
