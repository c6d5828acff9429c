// One visitor floods while ordinary visitors chat: the ordinary visitors' round trip (send to the
// operator's receipt) with the flood against the same without it. The server runs with its default
// limits, but for the per-address ones, which every bench client (all on loopback) would share.

import { parseRate } from '@livechat/server/src/limits/rates.ts';
import type { BenchContext } from '../context.ts';
import { connectOperator, connectVisitor, type LcSocket } from '../load/livechat-client.ts';
import { quantile, sleep } from '../stats.ts';

export interface FloodPhase {
  probes: number;
  received: number;
  p50: number;
  p99: number;
}

export interface FloodResult {
  quiet: FloodPhase;
  flooded: FloodPhase;
  flood: { sent: number; acked: number; limited: number; otherErrors: number; stillOpen: boolean };
}

const ROOMY = parseRate('1000000/1s');
const TURNS = 4;

interface Probes {
  sent: number;
  times: number[];
}

function phase(runs: Probes[]): FloodPhase {
  const times = runs.flatMap((run) => run.times);
  return {
    probes: runs.reduce((n, run) => n + run.sent, 0),
    received: times.length,
    p50: quantile(times, 0.5),
    p99: quantile(times, 0.99),
  };
}

export async function flood(ctx: BenchContext): Promise<FloodResult> {
  const sizes = ctx.sizes.flood;
  const running = await ctx.start('livechat', {
    limits: { visitorsPerIp: ROOMY, conversationsPerIp: ROOMY, socketsPerIp: 1_000_000 },
  });
  const sockets: LcSocket[] = [];
  try {
    const tokens = await ctx.visitorTokens(running, sizes.visitors + 1);
    const floodToken = tokens[sizes.visitors] as string;
    const operator = (await connectOperator(running.server, (await ctx.operator(running, 'fan')).cookie)).socket;
    sockets.push(operator);
    const visitors: LcSocket[] = [];
    for (const token of tokens.slice(0, sizes.visitors)) {
      const visitor = (await connectVisitor(running.server, token)).socket;
      visitors.push(visitor);
      sockets.push(visitor);
      const ack = await visitor.request<'message.ack'>({
        type: 'message.send',
        id: visitor.nextId(),
        clientId: `open-${token.slice(0, 8)}-${Date.now()}`,
        body: 'hello',
      });
      await operator.request<'sync.result'>({
        type: 'sync',
        id: operator.nextId(),
        conversationId: ack.message.conversationId,
        afterSeq: ack.message.seq,
      });
    }
    // Unmeasured: the server's first messages run cold code.
    await measure(visitors, operator, 3000, 'warm-up');
    const worker = ctx.workers[0];
    if (!worker) throw new Error('no load process');
    // Quiet and flooded take turns, so that a slow moment of the machine does not fall on one alone.
    const quietRuns: Probes[] = [];
    const floodedRuns: Probes[] = [];
    const counts: Array<FloodResult['flood']> = [];
    for (let turn = 0; turn < TURNS; turn += 1) {
      quietRuns.push(await measure(visitors, operator, sizes.phaseMs / TURNS, `quiet-${turn}`));
      await worker.call('floodStart', {
        server: running.server,
        token: floodToken,
        framesPerSecond: sizes.framesPerSecond,
      });
      floodedRuns.push(await measure(visitors, operator, sizes.phaseMs / TURNS, `flooded-${turn}`));
      counts.push(await worker.call<FloodResult['flood']>('floodStop'));
    }
    const quiet = phase(quietRuns);
    const flooded = phase(floodedRuns);
    const count = {
      sent: counts.reduce((n, c) => n + c.sent, 0),
      acked: counts.reduce((n, c) => n + c.acked, 0),
      limited: counts.reduce((n, c) => n + c.limited, 0),
      otherErrors: counts.reduce((n, c) => n + c.otherErrors, 0),
      stillOpen: counts.every((c) => c.stillOpen),
    };
    console.log(
      `  flood: quiet p50 ${quiet.p50.toFixed(1)} / p99 ${quiet.p99.toFixed(1)} ms, flooded p50 ${flooded.p50.toFixed(1)} / p99 ${flooded.p99.toFixed(1)} ms; ` +
        `flooder sent ${count.sent}, ${count.acked} stored, ${count.limited} refused`,
    );
    return { quiet, flooded, flood: count };
  } finally {
    for (const socket of sockets) socket.close();
    await ctx.stop(running);
  }
}

/**
 * Each visitor sends a message a second, the visitors staggered over the second; a probe's time runs
 * from its send to the operator's receipt. One a second per visitor stays under their own limit.
 */
async function measure(visitors: LcSocket[], operator: LcSocket, phaseMs: number, label: string): Promise<Probes> {
  const sentAt = new Map<string, number>();
  const times: number[] = [];
  operator.onFrame = (frame) => {
    if (frame.type !== 'message.created') return;
    const started = sentAt.get(frame.message.body);
    if (started === undefined) return;
    sentAt.delete(frame.message.body);
    times.push(performance.now() - started);
  };
  const gapMs = 1000 / visitors.length;
  const rounds = Math.max(1, Math.floor(phaseMs / 1000));
  let probes = 0;
  for (let round = 0; round < rounds; round += 1) {
    for (const visitor of visitors) {
      const body = `${label} probe ${probes}`;
      probes += 1;
      sentAt.set(body, performance.now());
      visitor.send({ type: 'message.send', id: visitor.nextId(), clientId: `${label}-${probes}-${Date.now()}`, body });
      await sleep(gapMs);
    }
  }
  // The last probes' answers.
  await sleep(1000);
  operator.onFrame = () => {};
  return { sent: probes, times };
}
