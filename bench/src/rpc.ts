// Request/response over the IPC channel of forked bench processes (servers and load workers).

import { type ChildProcess, fork } from 'node:child_process';
import { basename, join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';

interface Request {
  rpc: number;
  method: string;
  params: unknown;
}
interface Response {
  rpc: number;
  result?: unknown;
  error?: string;
}

/** Method name to handler; each handler declares the parameter shape it expects. */
export type Handlers = Record<string, (params: never) => unknown>;

export interface Child {
  readonly process: ChildProcess;
  call<T = unknown>(method: string, params?: unknown, timeoutMs?: number): Promise<T>;
  /** Ends the process: SIGTERM, then SIGKILL if it lingers. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts a TypeScript module in its own Node process (the tsx loader is inherited) and talks to it. */
export function spawnChild(modulePath: string, args: string[] = [], extraExecArgv: string[] = []): Promise<Child> {
  const child = fork(modulePath, args, {
    execArgv: [...process.execArgv, ...extraExecArgv],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    env: { ...process.env, LOG_LEVEL: process.env.BENCH_LOG ?? 'silent' },
  });
  let next = 0;
  const pending = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }
  >();
  let exited = false;
  const failAll = (why: string) => {
    for (const { reject, timer } of pending.values()) {
      clearTimeout(timer);
      reject(new Error(why));
    }
    pending.clear();
  };
  child.on('message', (raw) => {
    const message = raw as Response | { ready: true };
    if ('ready' in message) return;
    const waiter = pending.get(message.rpc);
    if (!waiter) return;
    pending.delete(message.rpc);
    clearTimeout(waiter.timer);
    if (message.error !== undefined) waiter.reject(new Error(message.error));
    else waiter.resolve(message.result);
  });
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      failAll(`${modulePath} exited (${code ?? signal})`);
      resolve();
    }),
  );
  const handle: Child = {
    process: child,
    call<T>(method: string, params: unknown = {}, timeoutMs = 120_000) {
      if (exited) return Promise.reject(new Error(`${modulePath} is not running`));
      const rpc = ++next;
      return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(rpc);
          reject(new Error(`${method} timed out after ${timeoutMs} ms`));
        }, timeoutMs);
        pending.set(rpc, { resolve: resolve as (v: unknown) => void, reject, timer });
        child.send({ rpc, method, params } satisfies Request);
      });
    },
    async stop(signal = 'SIGTERM') {
      if (exited) return;
      child.kill(signal);
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exit;
      clearTimeout(force);
    },
  };
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`${modulePath} exited before it was ready (${code})`)));
    child.on('message', (m) => {
      if ((m as { ready?: boolean }).ready) resolve(handle);
    });
  });
}

/** The child's side: answers requests with the given handlers, then says it is ready. */
export function serve(handlers: Handlers): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('this module runs as a forked bench process');
  process.on('message', async (raw) => {
    const { rpc, method, params } = raw as Request;
    try {
      const handler = method === 'heapSnapshot' ? heapSnapshot : handlers[method];
      if (!handler) throw new Error(`unknown method ${method}`);
      const result = await (handler as (p: unknown) => unknown)(params);
      send({ rpc, result: result ?? null } satisfies Response);
    } catch (error) {
      send({ rpc, error: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies Response);
    }
  });
  // The parent going away must not leave orphans holding ports and sockets.
  process.on('disconnect', () => process.exit(0));
  // An orderly exit on SIGTERM, so that --cpu-prof (BENCH_CPU_PROFILE) gets written.
  process.on('SIGTERM', () => process.exit(0));
  send({ ready: true });
}

/** Every bench process can write a V8 heap snapshot into a folder (BENCH_HEAP_SNAPSHOT). */
function heapSnapshot({ dir }: { dir: string }): string {
  return writeHeapSnapshot(join(dir, `${basename(process.argv[1] ?? 'process', '.ts')}-${process.pid}.heapsnapshot`));
}

/** Memory of this process after a full collection (the process is started with --expose-gc). */
export function settledMemory(): { rss: number; heapUsed: number; external: number } {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  const { rss, heapUsed, external } = process.memoryUsage();
  return { rss, heapUsed, external };
}
