// Fan-out: one visitor's messages reach many operator sockets that all have the conversation open
// (the live chat) or are in the room (relays); deliveries per second at rising event rates. The
// systems run at once and take turns step by step, so that the machine's moods fall on all alike.

import { availableParallelism } from 'node:os';
import type { BenchContext } from '../context.ts';
import type { Followed, SystemName } from '../load/participants.ts';
import type { ProcessLoad } from '../servers/probe.ts';
import { summarise, total } from '../stats.ts';
import { inTurn, type Lane, startLanes } from './lanes.ts';

/** What one receiving load process measured in a step. */
export interface FanOutReceiver {
  sockets: number;
  received: number;
  /** Share of one core the process used (of which in the kernel), and how busy its event loop was (0..1). */
  cpu: number;
  kernel: number;
  busy: number;
}

/**
 * A step is run `repeats` times; its timings are those of the repeat with the median p99, its
 * counts cover all repeats, so that a loss in any of them shows.
 */
export interface FanOutStep {
  eventsPerSecond: number;
  repeats: number;
  deliveriesPerSecond: number;
  expected: number;
  /** First deliveries: each message counted once per socket. */
  received: number;
  /** Deliveries of a message a socket already had. */
  duplicates: number;
  /** Visitor-message frames that did not belong to the step or could not be read. */
  strays: number;
  p99: number;
  load: ProcessLoad;
  receivers: FanOutReceiver[];
}

export interface FanOutResult {
  /** Load processes holding the sockets; the sender runs in another one when there is one. */
  receivingProcesses: number;
  steps: FanOutStep[];
  /** Visitor messages that reached a socket while no step was timing: later than a step's drain, or repeated after it. */
  outsideSteps: number;
  /** The best delivery rate among steps whose p99 stayed within 50 ms and that lost or repeated nothing. */
  best: FanOutStep | null;
}

export const FAN_OUT_P99_MS = 50;

/**
 * Receiving processes: one core is the server's, the others take the frames. More processes than
 * cores left only take turns on them (and take time from the server).
 */
function receivingProcesses(workers: number): number {
  const wanted = Number(process.env.BENCH_FAN_PROCESSES) || availableParallelism() - 1;
  return Math.max(1, Math.min(wanted, workers - 1));
}

const ok = (step: FanOutStep) => step.received >= step.expected && step.duplicates === 0 && step.strays === 0;

/** One system in the interleaved run: its sender and the steps it has passed so far. */
interface FanOutLane extends Lane {
  /** The name of its sending participants. */
  sender: string;
  /** Sockets per receiving process. */
  perWorker: number[];
  steps: FanOutStep[];
  /** Past its limit (a step over 50 ms or with a loss): it sits out the higher rates. */
  done: boolean;
}

/**
 * Fan-out for every system at once. All are started and all their sockets held; each rate's
 * repeats run one system after the other, in an order that rotates between repeats, so that a
 * busy moment of the shared machine falls on all of them rather than on whichever ran then. A
 * system that fails to run is reported through `onError` and has no result.
 */
export async function fanOut(
  ctx: BenchContext,
  systems: readonly SystemName[],
  onError: (system: SystemName, error: unknown) => void,
): Promise<Partial<Record<SystemName, FanOutResult>>> {
  const sizes = ctx.sizes.fanOut;
  const receivers = ctx.workers.slice(0, receivingProcesses(ctx.workers.length));
  // The sender in a process of its own: its timers are not held up by a burst of frames.
  const sender = ctx.workers.at(-1);
  if (!sender) throw new Error('no load process');
  const lanes: FanOutLane[] = [];
  const fail = (lane: FanOutLane, error: unknown) => {
    lane.failed = lane.done = true;
    onError(lane.system, error);
  };

  try {
    await startLanes(ctx, systems, lanes, {
      lane: (system, running) => ({
        system,
        running,
        sender: `fan-sender-${system}`,
        perWorker: ctx
          .slices(
            Array.from({ length: sizes.sockets }, (_, i) => i),
            receivers.length,
          )
          .map((slice) => slice.length),
        steps: [],
        done: false,
        failed: false,
      }),
      prepare: async (lane) => {
        const { system, running } = lane;
        const visitors =
          system === 'livechat'
            ? (await ctx.visitorTokens(running, ctx.sizes.roundTrip.visitors + 1)).slice(-1)
            : ['fan'];
        const { rooms } = await sender.call<{ rooms: Followed[] }>('open', {
          name: lane.sender,
          setup: { system, server: running.server, visitors, operatorSockets: 0 },
        });
        const cookie = system === 'livechat' ? (await ctx.operator(running, 'fan')).cookie : undefined;
        await Promise.all(
          receivers.map((worker, w) =>
            worker.call('fanConnect', {
              system,
              server: running.server,
              cookie,
              follow: rooms,
              count: lane.perWorker[w],
            }),
          ),
        );
      },
      fail,
      onError,
    });

    let tag = 0;
    for (const eventsPerSecond of sizes.eventRates) {
      const active = lanes.filter((lane) => !lane.done);
      if (active.length === 0) break;
      const repeats = new Map<FanOutLane, FanOutStep[]>(active.map((lane) => [lane, []]));
      for (let r = 0; r < sizes.repeats; r++) {
        for (const lane of inTurn(active, r)) {
          if (lane.failed) continue;
          try {
            repeats.get(lane)?.push(await fanOutStep(lane, eventsPerSecond, tag++));
          } catch (error) {
            fail(lane, error);
          }
        }
      }
      for (const lane of active) {
        const done = repeats.get(lane) ?? [];
        if (lane.failed || done.length === 0) continue;
        // The machine is shared: a step counts with the median p99 of its repeats.
        const ordered = [...done].sort((a, b) => a.p99 - b.p99);
        const step: FanOutStep = {
          ...(ordered[Math.floor((ordered.length - 1) / 2)] as FanOutStep),
          repeats: done.length,
          expected: total(done, (x) => x.expected),
          received: total(done, (x) => x.received),
          duplicates: total(done, (x) => x.duplicates),
          strays: total(done, (x) => x.strays),
        };
        lane.steps.push(step);
        const cpu = step.receivers
          .map((x) => `${Math.round(x.cpu * 100)} % (${Math.round(x.kernel * 100)} % kernel)`)
          .join(' + ');
        console.log(
          `  ${lane.system} fan-out ${eventsPerSecond} events/s: ${Math.round(step.deliveriesPerSecond)} deliveries/s, ` +
            `median p99 ${step.p99.toFixed(1)} ms (${done.map((x) => x.p99.toFixed(0)).join(', ')}), ` +
            `${step.received}/${step.expected} received (all repeats), ${step.duplicates} repeated, ${step.strays} unreadable; ` +
            `server ${Math.round(step.load.cpu * 100)} % CPU, receiving processes ${cpu}`,
        );
        if (step.p99 > FAN_OUT_P99_MS || !ok(step)) lane.done = true;
      }
    }

    const results: Partial<Record<SystemName, FanOutResult>> = {};
    for (const lane of lanes) {
      const closed = await Promise.all(
        receivers.map((worker) => worker.call<{ outside: number }>('fanClose', { system: lane.system })),
      );
      await sender.call('close', { name: lane.sender });
      if (lane.failed) continue;
      const outsideSteps = total(closed, (c) => c.outside);
      if (outsideSteps > 0)
        console.log(`  ${lane.system} fan-out: ${outsideSteps} deliveries arrived outside any step`);
      const within = lane.steps.filter((s) => s.p99 <= FAN_OUT_P99_MS && ok(s));
      const best = within.reduce<FanOutStep | null>(
        (a, s) => (a && a.deliveriesPerSecond >= s.deliveriesPerSecond ? a : s),
        null,
      );
      results[lane.system] = { receivingProcesses: receivers.length, steps: lane.steps, outsideSteps, best };
    }
    return results;
  } finally {
    for (const lane of lanes) await ctx.stop(lane.running).catch(() => undefined);
  }

  async function fanOutStep(lane: FanOutLane, eventsPerSecond: number, n: number): Promise<FanOutStep> {
    const { system, running, perWorker } = lane;
    const stepTag = `fan-${system}-${Date.now()}-${n}`;
    // As many messages as the sender's open loop will send in the step.
    const capacity = Math.floor((eventsPerSecond * sizes.stepMs) / 1000);
    await Promise.all(receivers.map((worker) => worker.call('fanStart', { system, tag: stepTag, capacity })));
    const probe = ctx.probe(running);
    await probe.begin();
    const { sent } = await (sender as NonNullable<typeof sender>).call<{ sent: number }>('openLoop', {
      name: lane.sender,
      tag: stepTag,
      rate: eventsPerSecond,
      durationMs: sizes.stepMs,
    });
    const collected = await Promise.all(
      receivers.map((worker, w) =>
        worker.call<{
          samples: number[];
          received: number;
          duplicates: number;
          strays: number;
          cpu: number;
          kernel: number;
          busy: number;
        }>('fanEnd', { expected: sent * (perWorker[w] ?? 0), drainMs: 3000 }),
      ),
    );
    const load = await probe.end();
    const received = total(collected, (c) => c.received);
    return {
      eventsPerSecond,
      repeats: 1,
      expected: sent * sizes.sockets,
      received,
      duplicates: total(collected, (c) => c.duplicates),
      strays: total(collected, (c) => c.strays),
      deliveriesPerSecond: received / (sizes.stepMs / 1000),
      p99: summarise(collected.flatMap((c) => c.samples)).p99,
      load,
      receivers: collected.map((c, w) => ({
        sockets: perWorker[w] ?? 0,
        received: c.received,
        cpu: c.cpu,
        kernel: c.kernel,
        busy: c.busy,
      })),
    };
  }
}
