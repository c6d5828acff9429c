// One pool of PostgreSQL connections for every repository, and the transaction a repository's
// queries join when they run inside `transaction()` (so that several repositories can write together).

import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';

/** The type ids whose parsing the store sets (pg's own list: `SELECT oid, typname FROM pg_type`). */
const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMPTZ = 1184;

/**
 * Values as the repositories give them on every backend: counts and sums (int8, numeric) as numbers,
 * which they stay well within; times as the ISO strings the rest of the server writes and compares.
 */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (oid === TIMESTAMPTZ) return (value: string) => new Date(value).toISOString();
    return pg.types.getTypeParser(oid, format as 'text');
  },
};

/** What a query needs: a pooled connection, or the one a transaction holds. */
type Runner = pg.Pool | pg.PoolClient;

/**
 * A transaction's connection, for as long as the transaction lasts. Work that a transaction's code
 * starts without awaiting (a bus subscriber's follow-up) keeps the context after the commit; it then
 * runs on the pool, never on a connection handed back and maybe held by another transaction.
 */
interface Current {
  client: pg.PoolClient;
  open: boolean;
}

export class PgDb {
  readonly pool: pg.Pool;
  private readonly current = new AsyncLocalStorage<Current>();

  /** How many statement texts each connection keeps prepared, at most (see `statement`). */
  private readonly preparedMax: number;

  constructor(url: string, options: { max?: number; prepared?: number } = {}) {
    this.preparedMax = options.prepared ?? 500;
    // Requests, and one held connection per periodic pass running (store.jobs.once) and per hand-out.
    // Connections stay open once made (no idle timeout): a new one costs its first statements tens of
    // milliseconds (a backend's caches, the statements prepared again), which a quiet pool after a
    // burst would otherwise pay on every burst.
    this.pool = new pg.Pool({ connectionString: url, max: options.max ?? 20, idleTimeoutMillis: 0, types });
    // A connection that breaks while idle in the pool must not end the process; the pool replaces it.
    this.pool.on('error', () => {});
  }

  /** The name each statement text is prepared under, on every connection that runs it. */
  private readonly names = new Map<string, string>();

  /**
   * A statement with parameters is prepared once per connection under a name, then only bound and
   * run: parsing and planning each time cost as much as running (`npm run bench -- --only=two-nodes`).
   * Texts built from what a request holds (a site's changed settings, a search's words) could be many,
   * so only the first `preparedMax` get a name; any others are parsed each time, as all were before.
   */
  private statement(text: string, params: readonly unknown[]): pg.QueryConfig {
    const values = params as unknown[];
    if (params.length === 0) return { text, values };
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.preparedMax) {
      name = `s${this.names.size}`;
      this.names.set(text, name);
    }
    return name === undefined ? { text, values } : { name, text, values };
  }

  private runner(): Runner {
    const current = this.current.getStore();
    return current?.open ? current.client : this.pool;
  }

  /** The rows of one statement, inside the caller's transaction when there is one. */
  async query<R extends object = Record<string, unknown>>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    const result = await this.runner().query<R>(this.statement(text, params));
    return result.rows;
  }

  /** The first row, or undefined. */
  async one<R extends object = Record<string, unknown>>(
    text: string,
    params: readonly unknown[] = [],
  ): Promise<R | undefined> {
    return (await this.query<R>(text, params))[0];
  }

  /** How many rows a statement changed. */
  async run(text: string, params: readonly unknown[] = []): Promise<number> {
    const result = await this.runner().query(this.statement(text, params));
    return result.rowCount ?? 0;
  }

  /**
   * Runs `work` in one transaction: every query of every repository it calls joins it, and a throw
   * rolls all of them back. A transaction begun inside another joins the outer one.
   */
  async transaction<T>(work: () => Promise<T>): Promise<T> {
    if (this.inTransaction) return work();
    const client = await this.pool.connect();
    const current: Current = { client, open: true };
    // A connection that breaks while checked out (its server ended it) must fail this transaction,
    // not the process, and must not go back into the pool.
    let broken: Error | undefined;
    const onError = (err: Error) => {
      broken = err;
    };
    client.on('error', onError);
    try {
      await client.query('BEGIN');
      const result = await this.current.run(current, work);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((failed: Error) => {
        broken ??= failed;
      });
      throw err;
    } finally {
      current.open = false;
      client.off('error', onError);
      client.release(broken);
    }
  }

  /** Whether the caller runs inside `transaction()`. */
  get inTransaction(): boolean {
    return this.current.getStore()?.open === true;
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

/** PostgreSQL's code for a unique index refusing a row (see its "Appendix A. Error Codes"). */
export const UNIQUE_VIOLATION = '23505';

export const isUniqueViolation = (err: unknown, constraint?: string): boolean =>
  err instanceof pg.DatabaseError &&
  err.code === UNIQUE_VIOLATION &&
  (constraint === undefined || err.constraint === constraint);
