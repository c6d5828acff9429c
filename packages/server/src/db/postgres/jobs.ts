// Background work's locks across nodes: a row per job name in `jobs`, locked by the holder's transaction.

import { hostname } from 'node:os';
import { InProcessJobs } from '../../jobs/in-process.ts';
import type { JobRepository } from '../../jobs/repository.ts';
import type { PgDb } from './connection.ts';

/**
 * A name like `close:<conversation id>` is one thing's job, done once or twice in its life: its row
 * goes when the work is done, or the table would keep one per conversation ever closed.
 */
const ofOneThing = (name: string): boolean => name.includes(':');

/** How the row is taken: waiting for its holder, or passing when it is held. */
type Take = 'wait' | 'skip';

export class PostgresJobRepository implements JobRepository {
  /**
   * Callers of one name on this node queue here first, so that at most one of them holds a pooled
   * connection while it waits for the row: the others would otherwise fill the pool with waiters.
   */
  private readonly local = new InProcessJobs();

  constructor(
    private readonly db: PgDb,
    /** Written beside the job's last run: which node it was. */
    private readonly node = `${hostname()}:${process.pid}`,
  ) {}

  exclusive<T>(name: string, work: () => Promise<T>): Promise<T> {
    return this.local.exclusive(name, async () => {
      await this.makeRow(name);
      return this.db.transaction(async () => {
        await this.take(name, 'wait');
        const result = await work();
        // Deleted under the lock: a caller waiting for it finds no row, makes it again and takes it.
        if (ofOneThing(name)) await this.db.run('DELETE FROM jobs WHERE name = $1', [name]);
        return result;
      });
    });
  }

  async once(name: string, work: () => Promise<void>): Promise<boolean> {
    let ran = false;
    await this.local.once(name, async () => {
      await this.makeRow(name);
      await this.db.transaction(async () => {
        if (!(await this.take(name, 'skip'))) return;
        ran = true;
        await work();
      });
    });
    return ran;
  }

  /**
   * Makes the job's row, committed before any transaction takes it: a node that meets a row another
   * has made but not yet committed waits for that one's end, which would make `once` wait instead of
   * pass. Asked first, since an insert that meets a row its holder updated waits too (on the unique
   * index).
   */
  private async makeRow(name: string): Promise<void> {
    await this.db.run(
      'INSERT INTO jobs (name) SELECT $1 WHERE NOT EXISTS (SELECT 1 FROM jobs WHERE name = $1) ON CONFLICT (name) DO NOTHING',
      [name],
    );
  }

  /**
   * Locks the job's row until the transaction ends (commit, rollback, or the connection closing with
   * a dead node); false when passing over a row another holds. A row that its last holder deleted
   * (one thing's job) is made again in the transaction, on its own connection: a second one could be
   * what the pool lacks.
   */
  private async take(name: string, how: Take): Promise<boolean> {
    for (;;) {
      const locked = await this.db.one(
        `SELECT name FROM jobs WHERE name = $1 FOR UPDATE${how === 'skip' ? ' SKIP LOCKED' : ''}`,
        [name],
      );
      if (locked) {
        await this.db.run('UPDATE jobs SET last_run_at = now(), node = $2 WHERE name = $1', [name, this.node]);
        return true;
      }
      if (how === 'skip') return false;
      await this.db.run('INSERT INTO jobs (name) VALUES ($1) ON CONFLICT (name) DO NOTHING', [name]);
    }
  }
}
