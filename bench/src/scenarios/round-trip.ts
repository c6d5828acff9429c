// Message round trip: visitors send at offered rates across many conversations; operator sockets
// receive; latency from the scheduled send to the operator's receipt. Then saturation throughput.
// The systems run at once and take turns step by step, so that the machine's moods fall on all
// alike; the saturation loops run one system at a time.

import type { BenchContext, Running } from '../context.ts';
import type { SystemName } from '../load/participants.ts';
import type { ProcessLoad } from '../servers/probe.ts';
import { median, quantile, summarise, total } from '../stats.ts';
import { inTurn, type Lane, startLanes } from './lanes.ts';

export interface RateStep {
  rate: number;
  /** The unmeasured warm-up: its messages are checked like any others, its timings count nowhere. */
  warmUp: boolean;
  p50: number;
  p99: number;
  sent: number;
  received: number;
  duplicates: number;
  /** Null for R1, which acknowledges nothing. */
  acked: number | null;
  /** How late the load processes sent, p99 (ms): part of every latency measured from the schedule. */
  sendLateP99: number;
  load: ProcessLoad;
}

export interface RoundTripResult {
  steps: RateStep[];
  /** p99 at each rate, median over the repeats (only the target rate is repeated). */
  p99ByRate: Record<number, number>;
  p50ByRate: Record<number, number>;
  /** `sent`: messages the closed loops sent, the last ones after the loops stopped timing. */
  saturation: { perSecond: number; p99: number; duplicates: number; sent: number; load: ProcessLoad };
  /** Messages the live chat stored while its participants were open (null for the relays). */
  storedDelta: number | null;
}

/** One system in the interleaved run: its participants and the steps it has passed so far. */
interface RoundTripLane extends Lane {
  /** The name of its participants in every load process. */
  participants: string;
  steps: RateStep[];
  /** Messages the live chat had stored once the participants were open. */
  storedBefore: number | null;
}

/** A system as the timed phases see it: its participants' name in every load process, its server processes. */
export interface Timed {
  label: string;
  participants: string;
  servers: Running[];
}

const timedOf = (lane: RoundTripLane): Timed => ({
  label: lane.system,
  participants: lane.participants,
  servers: [lane.running],
});

/**
 * Round trip for every system at once. All are started and all their participants held; each
 * repeat of each rate runs one system after the other, in an order that rotates from one repeat
 * to the next (across rates too), so that a busy moment of the shared machine falls on all of them
 * rather than on whichever ran then. The closed loops that measure saturation would compete for the
 * cores if run together: they run one system at a time, in the order of `systems`. A system that
 * fails to run is reported through `onError` and has no result.
 */
export async function roundTrip(
  ctx: BenchContext,
  systems: readonly SystemName[],
  onError: (system: SystemName, error: unknown) => void,
): Promise<Partial<Record<SystemName, RoundTripResult>>> {
  const sizes = ctx.sizes.roundTrip;
  const workers = ctx.workers;
  const lanes: RoundTripLane[] = [];
  const fail = (lane: RoundTripLane, error: unknown) => {
    lane.failed = true;
    onError(lane.system, error);
  };

  try {
    await startLanes(ctx, systems, lanes, {
      lane: (system, running) => ({
        system,
        running,
        participants: `rt-${system}`,
        steps: [],
        storedBefore: null,
        failed: false,
      }),
      prepare: async (lane) => {
        const visitors =
          lane.system === 'livechat'
            ? await ctx.visitorTokens(lane.running, sizes.visitors)
            : Array.from({ length: sizes.visitors }, (_, i) => `rt-${i}`);
        const slices = ctx.slices(visitors);
        await Promise.all(
          workers.map(async (worker, w) => {
            const operatorCookie =
              lane.system === 'livechat' ? (await ctx.operator(lane.running, `op${w}`)).cookie : undefined;
            return worker.call('open', {
              name: lane.participants,
              setup: {
                system: lane.system,
                server: lane.running.server,
                visitors: slices[w],
                operatorCookie,
                operatorSockets: 1,
              },
            });
          }),
        );
        lane.storedBefore = await stored(lane.running);
      },
      fail,
      onError,
    });

    let tag = 0;
    // A server just started runs its hot paths unoptimised until V8 has compiled them: the first
    // thousands of messages. Every system gets the same unmeasured step first, so that the figures
    // are those of a running server.
    if (sizes.warmUpMs > 0) {
      for (const lane of lanes.filter((l) => !l.failed)) {
        try {
          lane.steps.push(
            await timedStep(ctx, timedOf(lane), 1000, `${lane.system}-${Date.now()}-${tag++}`, sizes.warmUpMs),
          );
        } catch (error) {
          fail(lane, error);
        }
      }
    }
    let turn = 0;
    for (const rate of sizes.rates) {
      const repeats = rate === 1000 ? sizes.repeats : 1;
      for (let r = 0; r < repeats; r++, turn++) {
        const active = lanes.filter((lane) => !lane.failed);
        for (const lane of inTurn(active, turn)) {
          try {
            lane.steps.push(await timedStep(ctx, timedOf(lane), rate, `${lane.system}-${Date.now()}-${tag++}`));
          } catch (error) {
            fail(lane, error);
          }
        }
      }
    }

    const saturations = new Map<RoundTripLane, RoundTripResult['saturation']>();
    for (const lane of lanes) {
      if (lane.failed) continue;
      try {
        saturations.set(lane, await closedLoops(ctx, timedOf(lane)));
      } catch (error) {
        fail(lane, error);
      }
    }

    const results: Partial<Record<SystemName, RoundTripResult>> = {};
    for (const lane of lanes) {
      try {
        await Promise.all(workers.map((worker) => worker.call('close', { name: lane.participants })));
        const sat = saturations.get(lane);
        if (lane.failed || !sat) continue;
        const after = await stored(lane.running);
        const byRate = (pick: (s: RateStep) => number) =>
          Object.fromEntries(
            sizes.rates.map((rate) => [rate, median(lane.steps.filter((s) => !s.warmUp && s.rate === rate).map(pick))]),
          );
        results[lane.system] = {
          steps: lane.steps,
          p99ByRate: byRate((s) => s.p99),
          p50ByRate: byRate((s) => s.p50),
          saturation: sat,
          storedDelta: lane.storedBefore === null || after === null ? null : after - lane.storedBefore,
        };
      } catch (error) {
        if (!lane.failed) fail(lane, error);
      }
    }
    return results;
  } finally {
    for (const lane of lanes) await ctx.stop(lane.running).catch(() => undefined);
  }
}

async function stored(running: Running): Promise<number | null> {
  if (running.system !== 'livechat') return null;
  return (await running.child.call<{ messages: number }>('truth')).messages;
}

/** One open-loop step at `rate` msg/s, timed at the operator sockets (unmeasured when `warmUpMs` is set). */
export async function timedStep(
  ctx: BenchContext,
  timed: Timed,
  rate: number,
  stepTag: string,
  warmUpMs = 0,
): Promise<RateStep> {
  const { workers } = ctx;
  const name = timed.participants;
  const probe = probeAll(ctx, timed.servers);
  await Promise.all(workers.map((worker) => worker.call('collectStart', { name })));
  await probe.begin();
  const sends = await Promise.all(
    workers.map((worker, w) =>
      worker.call<{ sent: number; acked: number | null; late: number[] }>('openLoop', {
        name,
        tag: `${stepTag}-w${w}`,
        rate: rate / workers.length,
        durationMs: warmUpMs || ctx.sizes.roundTrip.stepMs,
      }),
    ),
  );
  const load = await probe.end();
  const collected = await Promise.all(
    workers.map((worker, w) =>
      worker.call<{ samples: number[]; received: number; duplicates: number }>('collectEnd', {
        name,
        expected: sends[w]?.sent ?? 0,
        drainMs: 5000,
      }),
    ),
  );
  const latency = summarise(collected.flatMap((c) => c.samples));
  const result: RateStep = {
    rate,
    warmUp: warmUpMs > 0,
    p50: latency.p50,
    p99: latency.p99,
    sent: total(sends, (x) => x.sent),
    acked: sends.some((x) => x.acked === null) ? null : total(sends, (x) => x.acked),
    received: total(collected, (x) => x.received),
    duplicates: total(collected, (x) => x.duplicates),
    sendLateP99: quantile(
      sends.flatMap((x) => x.late),
      0.99,
    ),
    load,
  };
  console.log(
    `  ${timed.label} ${rate} msg/s${warmUpMs > 0 ? ' (warm-up)' : ''}: p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ` +
      `${result.received}/${result.sent} received, server cpu ${(load.cpu * 100).toFixed(0)} %, ` +
      `sends late p99 ${result.sendLateP99.toFixed(2)} ms`,
  );
  return result;
}

/** Closed loops: each visitor sends its next message once the operator has its last; the throughput. */
export async function closedLoops(ctx: BenchContext, timed: Timed): Promise<RoundTripResult['saturation']> {
  const { workers } = ctx;
  const probe = probeAll(ctx, timed.servers);
  await probe.begin();
  const loops = await Promise.all(
    workers.map((worker, w) =>
      worker.call<{ samples: number[]; received: number; seconds: number; duplicates: number; sent: number }>(
        'closedLoop',
        {
          name: timed.participants,
          tag: `sat-${timed.label.replaceAll(' ', '-')}-${Date.now()}-w${w}`,
          durationMs: ctx.sizes.roundTrip.saturationMs,
        },
      ),
    ),
  );
  const load = await probe.end();
  const result = {
    perSecond: total(loops, (loop) => loop.received / loop.seconds),
    p99: summarise(loops.flatMap((loop) => loop.samples)).p99,
    duplicates: total(loops, (loop) => loop.duplicates),
    sent: total(loops, (loop) => loop.sent),
    load,
  };
  console.log(
    `  ${timed.label} saturation: ${Math.round(result.perSecond)} msg/s, p99 ${result.p99.toFixed(2)} ms, ` +
      `server cpu ${(load.cpu * 100).toFixed(0)} %`,
  );
  return result;
}

/** The servers of one system probed over the same phase: their CPU added up, the worst loop delay and GC share. */
function probeAll(ctx: BenchContext, servers: readonly Running[]) {
  const probes = servers.map((server) => ctx.probe(server));
  return {
    begin: () => Promise.all(probes.map((probe) => probe.begin())),
    end: async (): Promise<ProcessLoad> => {
      const loads = await Promise.all(probes.map((probe) => probe.end()));
      return {
        cpu: loads.reduce((sum, load) => sum + load.cpu, 0),
        loopDelayP99: Math.max(...loads.map((load) => load.loopDelayP99)),
        gcShare: Math.max(...loads.map((load) => load.gcShare)),
      };
    },
  };
}
