// The periodic end of login sessions that expired or went unused too long, with their sockets; one pass at a time across nodes.

import type { Config } from '../config.ts';
import type { Store } from '../db/store.ts';
import type { Logger } from '../realtime/connection.ts';
import { idlePolicy } from './sessions.ts';

export interface SessionEnder {
  endOperatorSession(sessionHash: string): void;
}

export class IdleSessions {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly store: Store,
    private readonly sockets: SessionEnder,
    private readonly config: Pick<Config, 'sessionIdleHours' | 'sessionCheckMs'>,
    private readonly log: Logger,
  ) {
    this.timer = setInterval(() => void this.check(), config.sessionCheckMs);
    this.timer.unref();
  }

  /**
   * Deletes the stale sessions and closes their sockets (4001), on every node through the bus: a socket
   * is no use of its session. The sockets are told once the deletion is stored.
   */
  async check(): Promise<void> {
    try {
      const { idleMs } = idlePolicy(this.config.sessionIdleHours);
      let ended: string[] = [];
      await this.store.jobs.once('idle-sessions', async () => {
        ended = await this.store.operators.endStaleSessions(new Date(Date.now() - idleMs).toISOString());
      });
      for (const hash of ended) this.sockets.endOperatorSession(hash);
    } catch (err) {
      this.log.error({ err }, 'could not end idle sessions');
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
