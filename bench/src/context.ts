// What the scenarios share: load processes, the three servers' lifecycles, visitor tokens and
// operator sessions, and the bench's sizes (full or quick).

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Endpoint, inBatches, type LcSocket, connectOperator } from './load/livechat-client.ts';
import type { SystemName } from './load/participants.ts';
import { type Child, spawnChild } from './rpc.ts';
import { BENCH_ORIGIN, BENCH_SITE, type StartParams } from './servers/bench-site.ts';
import type { ProcessLoad } from './servers/probe.ts';

const here = (path: string) => new URL(path, import.meta.url).pathname;
const SERVER_MODULES: Record<SystemName, string> = {
  livechat: here('./servers/livechat.ts'),
  r1: here('./servers/ws-relay.ts'),
  r2: here('./servers/socketio-relay.ts'),
};
export const SYSTEM_LABEL: Record<SystemName, string> = { livechat: 'live chat', r1: 'R1 ws', r2: 'R2 Socket.IO' };
const PASSWORD = 'bench-password';

export interface Sizes {
  quick: boolean;
  workers: number;
  roundTrip: {
    visitors: number;
    rates: number[];
    stepMs: number;
    repeats: number;
    saturationMs: number;
    /** An unmeasured step at 1,000 msg/s per system before the measured ones (0: none). */
    warmUpMs: number;
  };
  fanOut: { sockets: number; eventRates: number[]; stepMs: number; repeats: number };
  /** One node against two on PostgreSQL and Redis: the round trip's visitors and steps at this one rate. */
  twoNodes: { rate: number; repeats: number };
  /** How long the held connections settle before the server's memory is read again. */
  idle: { connections: number; settleMs: number };
  jitter: { visitors: number; durationMs: number; closeEveryMs: number; sendEveryMs: number };
  avalanche: { visitors: number };
  /** R3's insert loops, and how many syncs the fsync probe times (idle, then with every core busy). */
  r3: { runs: number; durationMs: number; fsyncs: number };
  widget: { browserRuns: number };
  commands: { tickets: number; transcript: number; canned: number; runs: number };
  /** Inbox search: not in bench:quick unless asked for by name (`--quick --only=search`). */
  search: { messages: number; conversations: number; runs: number };
  /** One visitor floods at `framesPerSecond` while `visitors` ordinary ones each send a message a second. */
  flood: { framesPerSecond: number; visitors: number; phaseMs: number };
}

export const FULL: Sizes = {
  quick: false,
  workers: 4,
  roundTrip: { visitors: 500, rates: [100, 1000, 5000], stepMs: 4000, repeats: 3, saturationMs: 4000, warmUpMs: 4000 },
  // Steps between 50 and 100 events/s are where the systems part. A ratio can only be as fine as the
  // steps: 75 after 50 lets the fan-out's 1.5x target show, which 70 after 50 never could.
  fanOut: { sockets: 1000, eventRates: [10, 25, 50, 60, 75, 100], stepMs: 3000, repeats: 3 },
  twoNodes: { rate: 1000, repeats: 3 },
  idle: { connections: 10_000, settleMs: 2000 },
  jitter: { visitors: 2000, durationMs: 40_000, closeEveryMs: 15_000, sendEveryMs: 5000 },
  avalanche: { visitors: 5000 },
  r3: { runs: 3, durationMs: 2000, fsyncs: 1000 },
  widget: { browserRuns: 7 },
  commands: { tickets: 100_000, transcript: 1_000, canned: 10_000, runs: 300 },
  search: { messages: 1_000_000, conversations: 100_000, runs: 300 },
  flood: { framesPerSecond: 1000, visitors: 20, phaseMs: 20_000 },
};

export const QUICK: Sizes = {
  quick: true,
  workers: 2,
  roundTrip: { visitors: 40, rates: [200], stepMs: 1200, repeats: 1, saturationMs: 1200, warmUpMs: 0 },
  fanOut: { sockets: 100, eventRates: [20], stepMs: 1500, repeats: 1 },
  twoNodes: { rate: 200, repeats: 1 },
  idle: { connections: 300, settleMs: 500 },
  jitter: { visitors: 100, durationMs: 4000, closeEveryMs: 1500, sendEveryMs: 1000 },
  avalanche: { visitors: 150 },
  r3: { runs: 1, durationMs: 300, fsyncs: 100 },
  widget: { browserRuns: 0 },
  commands: { tickets: 10_000, transcript: 200, canned: 10_000, runs: 40 },
  search: { messages: 100_000, conversations: 10_000, runs: 60 },
  flood: { framesPerSecond: 1000, visitors: 20, phaseMs: 4000 },
};

export interface Running {
  system: SystemName;
  child: Child;
  server: Endpoint;
  listenedAt: number;
  port: number;
  /** An operator socket kept online so that new conversations are assigned, never queued. */
  duty: LcSocket | null;
}

export interface OperatorAccount {
  id: string;
  email: string;
  cookie: string;
}

export class BenchContext {
  readonly dataDir = mkdtempSync(join(tmpdir(), 'livechat-bench-'));
  workers: Child[] = [];
  tokens: string[] = [];
  private readonly operators = new Map<string, OperatorAccount>();
  private operatorIds = new Map<string, string>();

  constructor(
    readonly sizes: Sizes,
    readonly synchronous: 'FULL' | 'NORMAL',
  ) {}

  async init(): Promise<void> {
    this.workers = await Promise.all(
      Array.from({ length: this.sizes.workers }, () => spawnChild(here('./load/worker.ts'))),
    );
  }

  async dispose(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop()));
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Starts one of the systems in its own process; the live chat keeps its data across starts. */
  async start(
    system: SystemName,
    options: {
      port?: number;
      missedReplies?: boolean;
      origins?: string[];
      limits?: StartParams['limits'];
      /**
       * A node of a deployment on PostgreSQL and Redis: its operators and their duty socket are the
       * caller's to make (`createOperators`, `logIn`), since this context's accounts live in its SQLite.
       */
      shared?: Shared;
    } = {},
  ): Promise<Running> {
    // BENCH_CPU_PROFILE=dir: the live chat server writes a V8 CPU profile there when it stops.
    const profile = system === 'livechat' && process.env.BENCH_CPU_PROFILE;
    const execArgv = ['--expose-gc', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [])];
    const child = await spawnChild(SERVER_MODULES[system], [], execArgv);
    const params: StartParams = { dataDir: this.dataDir, port: options.port ?? 0, synchronous: this.synchronous };
    if (options.missedReplies) params.missedReplyFrom = this.operatorIds.get('duty');
    if (options.origins) params.origins = options.origins;
    if (options.limits) params.limits = options.limits;
    if (options.shared) Object.assign(params, options.shared);
    const started = await child.call<{ url: string; port: number; listenedAt: number }>('start', params);
    const running: Running = {
      system,
      child,
      server: { url: started.url, origin: BENCH_ORIGIN, site: BENCH_SITE },
      listenedAt: started.listenedAt,
      port: started.port,
      duty: null,
    };
    if (system === 'livechat' && !options.shared) {
      if (this.operatorIds.size === 0) await this.createOperators(running);
      running.duty = (await connectOperator(running.server, (await this.operator(running, 'duty')).cookie)).socket;
    }
    return running;
  }

  async stop(running: Running, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    running.duty?.close();
    if (signal === 'SIGTERM') await running.child.call('stop').catch(() => undefined);
    await running.child.stop(signal);
  }

  /** A logged-in operator account (an admin, so it may open any conversation). */
  async operator(running: Running, name: string): Promise<OperatorAccount> {
    const known = this.operators.get(name);
    if (known) return known;
    const account = { ...(await logIn(running, name)), id: this.operatorIds.get(name) ?? '' };
    this.operators.set(name, account);
    return account;
  }

  /** Mints visitor tokens through the public endpoint until there are `count` (not part of any measurement). */
  async visitorTokens(running: Running, count: number): Promise<string[]> {
    this.tokens.push(...(await mintVisitorTokens(running, Math.max(0, count - this.tokens.length))));
    return this.tokens.slice(0, count);
  }

  /** Spreads items over the first `count` workers, in contiguous slices. */
  slices<T>(items: readonly T[], count = this.workers.length): T[][] {
    const size = Math.ceil(items.length / count);
    return Array.from({ length: count }, (_, i) => items.slice(i * size, (i + 1) * size));
  }

  probe(running: Running) {
    return {
      begin: () => running.child.call('probeBegin'),
      end: () => running.child.call<ProcessLoad>('probeEnd'),
    };
  }

  private async createOperators(running: Running): Promise<void> {
    const names = ['duty', 'fan', ...Array.from({ length: this.sizes.workers }, (_, i) => `op${i}`)];
    this.operatorIds = await createOperators(running, names);
  }
}

/** The database and Redis that the nodes of one deployment share. */
export interface Shared {
  databaseUrl: string;
  redisUrl: string;
}

/** Admin accounts `NAME@bench.test` on the server's store, by name to id. */
export async function createOperators(running: Running, names: string[]): Promise<Map<string, string>> {
  const created = await running.child.call<Array<{ id: string; email: string }>>('createOperators', {
    names,
    password: PASSWORD,
  });
  return new Map(created.map((operator, i) => [names[i] as string, operator.id]));
}

/** Logs the bench's operator `name` in on that server: its email and session cookie. */
export async function logIn(running: Running, name: string): Promise<Omit<OperatorAccount, 'id'>> {
  const email = `${name}@bench.test`;
  const response = await fetch(`${running.server.url}/api/operator/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) throw new Error(`login of ${email} failed: ${response.status}`);
  return { email, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
}

/** New visitor tokens from the server's public endpoint. */
export function mintVisitorTokens(running: Running, count: number): Promise<string[]> {
  return inBatches(Array.from({ length: count }), 16, async () => {
    const response = await fetch(`${running.server.url}/api/sites/${BENCH_SITE}/visitors`, {
      method: 'POST',
      headers: { origin: BENCH_ORIGIN },
    });
    if (response.status !== 201) throw new Error(`visitor mint failed: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  });
}
