// Fan-out: one visitor's messages reach many operator sockets that all have the conversation open
// (the live chat) or are in the room (relays); deliveries per second at rising event rates.

import type { BenchContext } from '../context.ts';
import type { Followed, SystemName } from '../load/participants.ts';
import type { ProcessLoad } from '../servers/probe.ts';
import { summarise, total } from '../stats.ts';

export interface FanOutStep {
  eventsPerSecond: number;
  deliveriesPerSecond: number;
  expected: number;
  received: number;
  p99: number;
  load: ProcessLoad;
}

export interface FanOutResult {
  steps: FanOutStep[];
  /** The best delivery rate among steps whose p99 stayed within 50 ms and that lost nothing. */
  best: FanOutStep | null;
}

export const FAN_OUT_P99_MS = 50;

export async function fanOut(ctx: BenchContext, system: SystemName): Promise<FanOutResult> {
  const sizes = ctx.sizes.fanOut;
  const running = await ctx.start(system);
  const sender = ctx.workers[0];
  if (!sender) throw new Error('no load process');
  const source = sender;
  try {
    const visitors =
      system === 'livechat' ? (await ctx.visitorTokens(running, ctx.sizes.roundTrip.visitors + 1)).slice(-1) : ['fan'];
    const { rooms } = await sender.call<{ rooms: Followed[] }>('open', {
      name: 'fan-sender',
      setup: { system, server: running.server, visitors, operatorSockets: 0 },
    });
    const cookie = system === 'livechat' ? (await ctx.operator(running, 'fan')).cookie : undefined;
    const perWorker = ctx.slices(Array.from({ length: sizes.sockets }, (_, i) => i)).map((slice) => slice.length);
    await Promise.all(
      ctx.workers.map((worker, w) =>
        worker.call('open', {
          name: 'fan',
          setup: {
            system,
            server: running.server,
            visitors: [],
            operatorCookie: cookie,
            operatorSockets: perWorker[w],
            follow: rooms,
          },
        }),
      ),
    );
    const steps: FanOutStep[] = [];
    let tag = 0;
    for (const eventsPerSecond of sizes.eventRates) {
      // The machine is shared: a step counts with the median p99 of its repeats.
      const repeats: FanOutStep[] = [];
      for (let r = 0; r < sizes.repeats; r++) repeats.push(await fanOutStep(eventsPerSecond, tag++));
      const ordered = [...repeats].sort((a, b) => a.p99 - b.p99);
      const step = ordered[Math.floor((ordered.length - 1) / 2)] as FanOutStep;
      steps.push(step);
      console.log(
        `  ${system} fan-out ${eventsPerSecond} events/s: ${Math.round(step.deliveriesPerSecond)} deliveries/s, ` +
          `median p99 ${step.p99.toFixed(1)} ms (${repeats.map((x) => x.p99.toFixed(0)).join(', ')}), ${step.received}/${step.expected} received`,
      );
      if (step.p99 > FAN_OUT_P99_MS || step.received < step.expected) break;
    }
    async function fanOutStep(eventsPerSecond: number, n: number): Promise<FanOutStep> {
      await Promise.all(
        ctx.workers.map((worker) => worker.call('collectStart', { name: 'fan', countDuplicates: false })),
      );
      const probe = ctx.probe(running);
      await probe.begin();
      const { sent } = await source.call<{ sent: number }>('openLoop', {
        name: 'fan-sender',
        tag: `fan-${system}-${Date.now()}-${n}`,
        rate: eventsPerSecond,
        durationMs: sizes.stepMs,
      });
      const collected = await Promise.all(
        ctx.workers.map((worker, w) =>
          worker.call<{ samples: number[]; received: number }>('collectEnd', {
            name: 'fan',
            expected: sent * (perWorker[w] ?? 0),
            drainMs: 3000,
          }),
        ),
      );
      const load = await probe.end();
      const received = total(collected, (c) => c.received);
      return {
        eventsPerSecond,
        expected: sent * sizes.sockets,
        received,
        deliveriesPerSecond: received / (sizes.stepMs / 1000),
        p99: summarise(collected.flatMap((c) => c.samples)).p99,
        load,
      };
    }
    await Promise.all(ctx.workers.map((worker) => worker.call('close', { name: 'fan' })));
    await sender.call('close', { name: 'fan-sender' });
    const within = steps.filter((s) => s.p99 <= FAN_OUT_P99_MS && s.received >= s.expected);
    const best = within.reduce<FanOutStep | null>(
      (a, s) => (a && a.deliveriesPerSecond >= s.deliveriesPerSecond ? a : s),
      null,
    );
    return { steps, best };
  } finally {
    await ctx.stop(running);
  }
}
