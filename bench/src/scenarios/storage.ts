// R3, the storage baseline: how many message rows a bare SQLite loop inserts per second (one commit
// each, 100 per commit, and spread over the round trip's conversations), and what an fsync costs.

import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BenchContext } from '../context.ts';
import { spawnChild } from '../rpc.ts';
import { median } from '../stats.ts';

export async function storageBaseline(ctx: BenchContext) {
  const { sizes, synchronous } = ctx;
  const loop = await spawnChild(fileURLToPath(new URL('../servers/sqlite-loop.ts', import.meta.url)));
  try {
    type Loop = { rowsPerSecond: number; cpuPerRowUs: number };
    const run = (rowsPerCommit: number, conversations = 1) =>
      loop.call<Loop>('insertLoop', { synchronous, durationMs: sizes.r3.durationMs, rowsPerCommit, conversations });
    // The saturation's pattern: one message per conversation of the round trip in each group commit.
    const spreadOver = sizes.roundTrip.visitors;
    const single: Loop[] = [];
    const batched: Loop[] = [];
    const spread: Loop[] = [];
    for (let i = 0; i < sizes.r3.runs; i++) {
      single.push(await run(1));
      batched.push(await run(100));
      spread.push(await run(spreadOver, spreadOver));
    }
    const fsync = (busyThreads: number) =>
      loop.call<{ p50: number; p99: number }>('fsyncLatency', { busyThreads, iterations: sizes.r3.fsyncs });
    const quiet = await fsync(0);
    const busy = await fsync(cpus().length);
    const rate = (loops: Loop[]) => median(loops.map((l) => l.rowsPerSecond));
    const cpu = (loops: Loop[]) => median(loops.map((l) => l.cpuPerRowUs));
    console.log(
      `  R3: ${Math.round(rate(single))} rows/s one commit each, ${Math.round(rate(batched))} rows/s 100 per commit, ` +
        `${Math.round(rate(spread))} rows/s ${spreadOver} per commit over ${spreadOver} conversations ` +
        `(${cpu(spread).toFixed(1)} µs CPU per row)`,
    );
    console.log(
      `  fsync of 3 pages: p50 ${quiet.p50.toFixed(2)} / p99 ${quiet.p99.toFixed(2)} ms with the cores idle, ` +
        `p50 ${busy.p50.toFixed(2)} / p99 ${busy.p99.toFixed(2)} ms with every core busy`,
    );
    return {
      single: rate(single),
      batched: rate(batched),
      spread: { conversations: spreadOver, rowsPerSecond: rate(spread), cpuPerRowUs: cpu(spread) },
      fsync: { quiet, busy },
    };
  } finally {
    await loop.stop();
  }
}

export type StorageBaseline = Awaited<ReturnType<typeof storageBaseline>>;
