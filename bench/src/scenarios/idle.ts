// Idle connections: how much server memory each held connection costs, after a full GC.

import type { BenchContext } from '../context.ts';
import type { SystemName } from '../load/participants.ts';
import { sleep, total } from '../stats.ts';

interface Memory {
  rss: number;
  heapUsed: number;
  external: number;
}

export interface IdleResult {
  connections: number;
  connected: number;
  /** Resident memory added per connection, bytes. */
  rssPerConnection: number;
  heapPerConnection: number;
}

export async function idle(ctx: BenchContext, system: SystemName): Promise<IdleResult> {
  const connections = ctx.sizes.idle.connections;
  const running = await ctx.start(system);
  try {
    const visitors =
      system === 'livechat'
        ? await ctx.visitorTokens(running, connections)
        : Array.from({ length: connections }, (_, i) => `idle-${i}`);
    const before = await running.child.call<Memory>('memory');
    const slices = ctx.slices(visitors);
    const results = await Promise.all(
      ctx.workers.map((worker, w) =>
        worker.call<{ connected: number }>(
          'idleConnect',
          { system, server: running.server, visitors: slices[w] },
          300_000,
        ),
      ),
    );
    await sleep(ctx.sizes.idle.settleMs);
    const after = await running.child.call<Memory>('memory');
    // BENCH_HEAP_SNAPSHOT=dir: what the held connections are made of, for each system.
    const snapshotDir = process.env.BENCH_HEAP_SNAPSHOT;
    if (snapshotDir) console.log(`  heap snapshot: ${await running.child.call('heapSnapshot', { dir: snapshotDir })}`);
    await Promise.all(ctx.workers.map((worker) => worker.call('idleClose')));
    const connected = total(results, (r) => r.connected);
    console.log(
      `  ${system} idle: ${connected} connections, ${((after.rss - before.rss) / connected / 1024).toFixed(1)} KiB rss each`,
    );
    return {
      connections,
      connected,
      rssPerConnection: (after.rss - before.rss) / connected,
      heapPerConnection: (after.heapUsed + after.external - before.heapUsed - before.external) / connected,
    };
  } finally {
    await ctx.stop(running);
  }
}
