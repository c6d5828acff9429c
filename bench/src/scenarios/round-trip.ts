// Message round trip: visitors send at offered rates across many conversations; operator sockets
// receive; latency from the scheduled send to the operator's receipt. Then saturation throughput.

import type { BenchContext, Running } from '../context.ts';
import type { SystemName } from '../load/participants.ts';
import type { ProcessLoad } from '../servers/probe.ts';
import { median, summarise, total } from '../stats.ts';

export interface RateStep {
  rate: number;
  p50: number;
  p99: number;
  sent: number;
  received: number;
  duplicates: number;
  /** Null for R1, which acknowledges nothing. */
  acked: number | null;
  load: ProcessLoad;
}

export interface RoundTripResult {
  steps: RateStep[];
  /** p99 at each rate, median over the repeats (only the target rate is repeated). */
  p99ByRate: Record<number, number>;
  p50ByRate: Record<number, number>;
  saturation: { perSecond: number; p99: number; duplicates: number; load: ProcessLoad };
  storedDelta: number | null;
}

export async function roundTrip(ctx: BenchContext, system: SystemName): Promise<RoundTripResult> {
  const sizes = ctx.sizes.roundTrip;
  const running = await ctx.start(system);
  const workers = ctx.workers;
  try {
    const visitors =
      system === 'livechat'
        ? await ctx.visitorTokens(running, sizes.visitors)
        : Array.from({ length: sizes.visitors }, (_, i) => `rt-${i}`);
    const slices = ctx.slices(visitors);
    await Promise.all(
      workers.map(async (worker, w) => {
        const operatorCookie = system === 'livechat' ? (await ctx.operator(running, `op${w}`)).cookie : undefined;
        return worker.call('open', {
          name: 'rt',
          setup: { system, server: running.server, visitors: slices[w], operatorCookie, operatorSockets: 1 },
        });
      }),
    );
    const before = await stored(running);
    const steps: RateStep[] = [];
    let tag = 0;
    for (const rate of sizes.rates) {
      const repeats = rate === 1000 ? sizes.repeats : 1;
      for (let r = 0; r < repeats; r++) steps.push(await step(ctx, running, rate, `${system}-${Date.now()}-${tag++}`));
    }
    const probe = ctx.probe(running);
    await probe.begin();
    const loops = await Promise.all(
      workers.map((worker, w) =>
        worker.call<{ samples: number[]; received: number; seconds: number; duplicates: number }>('closedLoop', {
          name: 'rt',
          tag: `sat-${Date.now()}-w${w}`,
          durationMs: sizes.saturationMs,
        }),
      ),
    );
    const load = await probe.end();
    const perSecond = total(loops, (loop) => loop.received / loop.seconds);
    const saturation = {
      perSecond,
      p99: summarise(loops.flatMap((loop) => loop.samples)).p99,
      duplicates: total(loops, (loop) => loop.duplicates),
      load,
    };
    await Promise.all(workers.map((worker) => worker.call('close', { name: 'rt' })));
    const after = await stored(running);
    const byRate = (pick: (s: RateStep) => number) =>
      Object.fromEntries(sizes.rates.map((rate) => [rate, median(steps.filter((s) => s.rate === rate).map(pick))]));
    return {
      steps,
      p99ByRate: byRate((s) => s.p99),
      p50ByRate: byRate((s) => s.p50),
      saturation,
      storedDelta: before === null || after === null ? null : after - before,
    };
  } finally {
    await ctx.stop(running);
  }
}

async function step(ctx: BenchContext, running: Running, rate: number, tag: string): Promise<RateStep> {
  const workers = ctx.workers;
  const probe = ctx.probe(running);
  await Promise.all(workers.map((worker) => worker.call('collectStart', { name: 'rt' })));
  await probe.begin();
  const sends = await Promise.all(
    workers.map((worker, w) =>
      worker.call<{ sent: number; acked: number | null }>('openLoop', {
        name: 'rt',
        tag: `${tag}-w${w}`,
        rate: rate / workers.length,
        durationMs: ctx.sizes.roundTrip.stepMs,
      }),
    ),
  );
  const load = await probe.end();
  const collected = await Promise.all(
    workers.map((worker, w) =>
      worker.call<{ samples: number[]; received: number; duplicates: number }>('collectEnd', {
        name: 'rt',
        expected: sends[w]?.sent ?? 0,
        drainMs: 5000,
      }),
    ),
  );
  const latency = summarise(collected.flatMap((c) => c.samples));
  const result: RateStep = {
    rate,
    p50: latency.p50,
    p99: latency.p99,
    sent: total(sends, (x) => x.sent),
    acked: sends.some((x) => x.acked === null) ? null : total(sends, (x) => x.acked),
    received: total(collected, (x) => x.received),
    duplicates: total(collected, (x) => x.duplicates),
    load,
  };
  console.log(
    `  ${running.system} ${rate} msg/s: p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ` +
      `${result.received}/${result.sent} received, server cpu ${(load.cpu * 100).toFixed(0)} %`,
  );
  return result;
}

async function stored(running: Running): Promise<number | null> {
  if (running.system !== 'livechat') return null;
  return (await running.child.call<{ messages: number }>('truth')).messages;
}
