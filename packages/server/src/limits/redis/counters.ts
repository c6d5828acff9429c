// The counters behind every limit in Redis, shared by every node: each change is one Lua script, so
// two nodes counting the same key at once never lose a hit.

import type { Redis } from 'ioredis';
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

/** A gauge never goes below zero, and at zero its key is gone. */
const ADJUST = `
local value = redis.call('INCRBY', KEYS[1], ARGV[1])
if value <= 0 then
  redis.call('DEL', KEYS[1])
  return 0
end
return value`;

export class RedisCounters implements CounterStore {
  /** `redis` stays the caller's; `prefix` keeps one deployment's keys apart from another's. */
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'livechat:limits:',
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
    return Number(await this.redis.eval(ADJUST, 1, `${this.prefix}gauge:${key}`, Math.trunc(delta)));
  }

  private windowKey(key: string): string {
    return `${this.prefix}window:${key}`;
  }
}

function windowCount(reply: unknown): WindowCount | null {
  if (!Array.isArray(reply) || reply.length !== 2) return null;
  return { count: Number(reply[0]), resetInMs: Number(reply[1]) };
}
