// Restart avalanche: the server dies (SIGKILL) or is restarted (SIGTERM: its sockets are closed with
// 1012) with thousands of visitors connected and comes back on the same port; how long until 99 %
// have resumed, and whether anyone missed anything.

import type { BenchContext } from '../context.ts';
import type { SystemName } from '../load/participants.ts';
import { clockMs, quantile, sleep, total } from '../stats.ts';

export interface AvalancheResult {
  visitors: number;
  resumed: number;
  /** From the new server process listening until 99 % of visitors had resumed, ms. */
  p99ResumeMs: number;
  /** From the old process being killed, ms. */
  p99SinceKillMs: number;
  missing: number;
  duplicates: number;
}

interface WorkerResult {
  resumedAt: Array<number | null>;
  missing: number;
  duplicates: number;
}

export async function avalanche(
  ctx: BenchContext,
  system: 'livechat' | 'r1',
  how: 'killed' | 'restarted' = 'killed',
): Promise<AvalancheResult> {
  const count = ctx.sizes.avalanche.visitors;
  let running = await ctx.start(system as SystemName);
  try {
    const visitors =
      system === 'livechat'
        ? (await ctx.visitorTokens(running, count)).slice(0, count)
        : Array.from({ length: count }, (_, i) => `a-${i}`);
    const slices = ctx.slices(visitors);
    await Promise.all(
      ctx.workers.map((worker, w) =>
        worker.call('avalancheConnect', { system, server: running.server, visitors: slices[w] }, 300_000),
      ),
    );
    const killedAt = clockMs();
    await ctx.stop(running, how === 'killed' ? 'SIGKILL' : 'SIGTERM');
    running = await ctx.start(system as SystemName, { port: running.port, missedReplies: system === 'livechat' });
    const lastSeq =
      system === 'livechat'
        ? (await running.child.call<{ lastSeq: Record<string, number> }>('truth')).lastSeq
        : undefined;
    const deadline = clockMs() + 60_000;
    let results: WorkerResult[] = [];
    for (;;) {
      results = await Promise.all(
        ctx.workers.map((worker) => worker.call<WorkerResult>('avalancheResult', { lastSeq })),
      );
      const resumed = results.flatMap((r) => r.resumedAt).filter((t) => t !== null).length;
      if (resumed >= count || clockMs() > deadline) break;
      await sleep(250);
    }
    // Let late frames land before judging what is missing.
    await sleep(1000);
    results = await Promise.all(ctx.workers.map((worker) => worker.call<WorkerResult>('avalancheResult', { lastSeq })));
    await Promise.all(ctx.workers.map((worker) => worker.call('avalancheClose')));
    const times = results.flatMap((r) => r.resumedAt);
    const resumed = times.filter((t): t is number => t !== null);
    // Those that never resumed count as infinitely late.
    const delays = times.map((t) => (t === null ? Number.POSITIVE_INFINITY : t - running.listenedAt));
    const result: AvalancheResult = {
      visitors: count,
      resumed: resumed.length,
      p99ResumeMs: quantile(delays, 0.99),
      p99SinceKillMs: quantile(
        times.map((t) => (t === null ? Number.POSITIVE_INFINITY : t - killedAt)),
        0.99,
      ),
      missing: total(results, (r) => r.missing),
      duplicates: total(results, (r) => r.duplicates),
    };
    console.log(`  ${system} avalanche (${how}): ${JSON.stringify(result)}`);
    return result;
  } finally {
    await ctx.stop(running);
  }
}
