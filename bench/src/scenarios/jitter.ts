// Jitter: visitors chat while their sockets are force-closed; every acknowledged message must be
// delivered exactly once. The live chat against Socket.IO without connection-state recovery.

import type { BenchContext } from '../context.ts';
import type { JitterOutcome } from '../load/jitter.ts';
import type { SystemName } from '../load/participants.ts';
import { total } from '../stats.ts';

export async function jitter(ctx: BenchContext, system: SystemName): Promise<JitterOutcome> {
  const sizes = ctx.sizes.jitter;
  const running = await ctx.start(system);
  // Two load processes: visitors and their operator socket live together, so both ends are checked.
  const workers = ctx.workers.slice(0, 2);
  try {
    const offset = ctx.sizes.roundTrip.visitors + 1;
    const visitors =
      system === 'livechat'
        ? (await ctx.visitorTokens(running, offset + sizes.visitors)).slice(offset)
        : Array.from({ length: sizes.visitors }, (_, i) => `j-${i}`);
    const slices = ctx.slices(visitors, workers.length);
    await Promise.all(
      workers.map(async (worker, w) => {
        const operatorCookie = system === 'livechat' ? (await ctx.operator(running, `op${w}`)).cookie : undefined;
        await worker.call(
          'jitterPrepare',
          { system, server: running.server, visitors: slices[w], operatorCookie },
          300_000,
        );
      }),
    );
    const runs = await Promise.all(
      workers.map((worker, w) =>
        worker.call<{ forcedCloses: number }>(
          'jitterRun',
          { options: sizes, tag: `j${Date.now()}w${w}` },
          sizes.durationMs + 60_000,
        ),
      ),
    );
    const lastSeq =
      system === 'livechat' ? (await running.child.call<{ lastSeq: Record<string, number> }>('truth')).lastSeq : {};
    const outcomes = await Promise.all(
      workers.map((worker) => worker.call<JitterOutcome>('jitterVerify', { lastSeq })),
    );
    const sum = (pick: (o: JitterOutcome) => number) => total(outcomes, pick);
    const outcome: JitterOutcome = {
      visitors: sum((o) => o.visitors),
      forcedCloses: total(runs, (r) => r.forcedCloses),
      visitorAcked: sum((o) => o.visitorAcked),
      visitorLost: sum((o) => o.visitorLost),
      visitorDuplicated: sum((o) => o.visitorDuplicated),
      operatorAcked: sum((o) => o.operatorAcked),
      operatorLost: sum((o) => o.operatorLost),
      operatorDuplicated: sum((o) => o.operatorDuplicated),
      gaps: sum((o) => o.gaps),
      errors: sum((o) => o.errors),
    };
    console.log(`  ${system} jitter: ${JSON.stringify(outcome)}`);
    return outcome;
  } finally {
    await ctx.stop(running);
  }
}
