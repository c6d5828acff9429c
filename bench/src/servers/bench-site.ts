// The site and start parameters the bench gives the live chat server.

import type { LimitsConfig } from '@livechat/server/src/config.ts';

export const BENCH_SITE = 'bench';
export const BENCH_ORIGIN = 'http://bench.test';

export interface StartParams {
  dataDir: string;
  port: number;
  synchronous: 'FULL' | 'NORMAL';
  /** Extra origins the site allows (the widget scenario's page). */
  origins?: string[];
  /**
   * Before listening, store one operator reply in every open conversation: what visitors missed
   * while the server was away, which they must receive once they resume.
   */
  missedReplyFrom?: string;
  /**
   * The server's own default limits with these changes; without it, limits no bench client reaches
   * (they all share the loopback address).
   */
  limits?: Partial<LimitsConfig>;
  /** One of several nodes: the PostgreSQL database and the Redis they share (SQLite in `dataDir` without). */
  databaseUrl?: string;
  redisUrl?: string;
}
