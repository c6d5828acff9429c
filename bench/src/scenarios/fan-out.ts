// Fan-out: one visitor's messages reach many operator sockets that all have the conversation open
// (the live chat) or are in the room (relays); deliveries per second at rising event rates.

import { availableParallelism } from 'node:os';
import type { BenchContext } from '../context.ts';
import type { Followed, SystemName } from '../load/participants.ts';
import type { ProcessLoad } from '../servers/probe.ts';
import { summarise, total } from '../stats.ts';

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

export async function fanOut(ctx: BenchContext, system: SystemName): Promise<FanOutResult> {
  const sizes = ctx.sizes.fanOut;
  const running = await ctx.start(system);
  const receivers = ctx.workers.slice(0, receivingProcesses(ctx.workers.length));
  // The sender in a process of its own: its timers are not held up by a burst of frames.
  const last = ctx.workers.at(-1);
  if (!last) throw new Error('no load process');
  const sender = last;
  try {
    const visitors =
      system === 'livechat' ? (await ctx.visitorTokens(running, ctx.sizes.roundTrip.visitors + 1)).slice(-1) : ['fan'];
    const { rooms } = await sender.call<{ rooms: Followed[] }>('open', {
      name: 'fan-sender',
      setup: { system, server: running.server, visitors, operatorSockets: 0 },
    });
    const cookie = system === 'livechat' ? (await ctx.operator(running, 'fan')).cookie : undefined;
    const perWorker = ctx
      .slices(
        Array.from({ length: sizes.sockets }, (_, i) => i),
        receivers.length,
      )
      .map((slice) => slice.length);
    await Promise.all(
      receivers.map((worker, w) =>
        worker.call('fanConnect', { system, server: running.server, cookie, follow: rooms, count: perWorker[w] }),
      ),
    );
    const steps: FanOutStep[] = [];
    let tag = 0;
    for (const eventsPerSecond of sizes.eventRates) {
      // The machine is shared: a step counts with the median p99 of its repeats.
      const repeats: FanOutStep[] = [];
      for (let r = 0; r < sizes.repeats; r++) repeats.push(await fanOutStep(eventsPerSecond, tag++));
      const ordered = [...repeats].sort((a, b) => a.p99 - b.p99);
      const step: FanOutStep = {
        ...(ordered[Math.floor((ordered.length - 1) / 2)] as FanOutStep),
        repeats: repeats.length,
        expected: total(repeats, (x) => x.expected),
        received: total(repeats, (x) => x.received),
        duplicates: total(repeats, (x) => x.duplicates),
        strays: total(repeats, (x) => x.strays),
      };
      steps.push(step);
      const cpu = step.receivers
        .map((x) => `${Math.round(x.cpu * 100)} % (${Math.round(x.kernel * 100)} % kernel)`)
        .join(' + ');
      console.log(
        `  ${system} fan-out ${eventsPerSecond} events/s: ${Math.round(step.deliveriesPerSecond)} deliveries/s, ` +
          `median p99 ${step.p99.toFixed(1)} ms (${repeats.map((x) => x.p99.toFixed(0)).join(', ')}), ` +
          `${step.received}/${step.expected} received (all repeats), ${step.duplicates} repeated, ${step.strays} unreadable; ` +
          `server ${Math.round(step.load.cpu * 100)} % CPU, receiving processes ${cpu}`,
      );
      if (step.p99 > FAN_OUT_P99_MS || !ok(step)) break;
    }
    async function fanOutStep(eventsPerSecond: number, n: number): Promise<FanOutStep> {
      const stepTag = `fan-${system}-${Date.now()}-${n}`;
      // As many messages as the sender's open loop will send in the step.
      const capacity = Math.floor((eventsPerSecond * sizes.stepMs) / 1000);
      await Promise.all(receivers.map((worker) => worker.call('fanStart', { tag: stepTag, capacity })));
      const probe = ctx.probe(running);
      await probe.begin();
      const { sent } = await sender.call<{ sent: number }>('openLoop', {
        name: 'fan-sender',
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
    const closed = await Promise.all(receivers.map((worker) => worker.call<{ outside: number }>('fanClose')));
    const outsideSteps = total(closed, (c) => c.outside);
    if (outsideSteps > 0) console.log(`  ${system} fan-out: ${outsideSteps} deliveries arrived outside any step`);
    await sender.call('close', { name: 'fan-sender' });
    const within = steps.filter((s) => s.p99 <= FAN_OUT_P99_MS && ok(s));
    const best = within.reduce<FanOutStep | null>(
      (a, s) => (a && a.deliveriesPerSecond >= s.deliveriesPerSecond ? a : s),
      null,
    );
    return { receivingProcesses: receivers.length, steps, outsideSteps, best };
  } finally {
    await ctx.stop(running);
  }
}
