// The round trip as rows: p99 and p50 per rate, saturation against R3, CPU per message, and the
// checks that every message arrived, was acknowledged and was stored once.

import { firstLine, systemFailed } from '../attempt.ts';
import type { BenchContext, Sizes } from '../context.ts';
import { describeLoad, type Report } from '../report.ts';
import { type RoundTripResult, roundTrip } from '../scenarios/round-trip.ts';
import { ratio } from '../stats.ts';

/** Runs the round trip on R1, R2 and the live chat in turn, and reports its rows and checks. */
export async function reportRoundTrip(ctx: BenchContext, report: Report, r3: number | null): Promise<void> {
  console.log('\nround trip: R1, R2 and live chat, taking turns');
  const ran = await roundTrip(ctx, ['r1', 'r2', 'livechat'], systemFailed(report, 'round trip')).catch(
    (error: unknown) => {
      report.check('round trip ran', false, firstLine(error));
      return {} as Awaited<ReturnType<typeof roundTrip>>;
    },
  );
  const rt = { r1: ran.r1 ?? null, r2: ran.r2 ?? null, livechat: ran.livechat ?? null };
  report.raw.roundTrip = rt;
  roundTripRows(report, ctx.sizes, rt, r3);
}

function roundTripRows(
  report: Report,
  sizes: Sizes,
  results: Record<'livechat' | 'r1' | 'r2', RoundTripResult | null>,
  r3: number | null,
) {
  const { livechat, r1, r2 } = results;
  for (const rate of sizes.roundTrip.rates) {
    const ours = livechat?.p99ByRate[rate] ?? null;
    const r1p99 = r1?.p99ByRate[rate] ?? null;
    const target = rate === 1000 ? '< 10 ms and ≤ R1 + 3 ms' : undefined;
    report.add({
      scenario: 'round trip',
      metric: `p99 at ${rate} msg/s`,
      unit: 'ms',
      livechat: ours,
      r1: r1p99,
      r2: r2?.p99ByRate[rate] ?? null,
      ratios: { 'vs R1': ratio(ours, r1p99), 'vs R2': ratio(ours, r2?.p99ByRate[rate]) },
      ...(target ? { target, meets: ours === null || r1p99 === null ? null : ours < 10 && ours <= r1p99 + 3 } : {}),
      limit: describeLoad(livechat?.steps.find((s) => !s.warmUp && s.rate === rate)?.load),
    });
    report.add({
      scenario: 'round trip',
      metric: `p50 at ${rate} msg/s`,
      unit: 'ms',
      livechat: livechat?.p50ByRate[rate] ?? null,
      r1: r1?.p50ByRate[rate] ?? null,
      r2: r2?.p50ByRate[rate] ?? null,
      ratios: { 'vs R1': ratio(livechat?.p50ByRate[rate], r1?.p50ByRate[rate]) },
    });
  }
  const sat = livechat?.saturation.perSecond ?? null;
  report.add({
    scenario: 'round trip',
    metric: 'saturation throughput',
    unit: 'msg/s',
    livechat: sat,
    r1: r1?.saturation.perSecond ?? null,
    r2: r2?.saturation.perSecond ?? null,
    r3,
    ratios: { 'vs R3': ratio(sat, r3), 'vs R2': ratio(sat, r2?.saturation.perSecond) },
    target: '≥ 0.5× R3 and > R2',
    meets: sat === null || r3 === null || !r2 ? null : sat >= 0.5 * r3 && sat > r2.saturation.perSecond,
    limit: describeLoad(livechat?.saturation.load),
  });
  // What one message costs the server at saturation: its CPU share over the messages it carried.
  const cpuPerMessage = (result: RoundTripResult | null) =>
    result ? (result.saturation.load.cpu * 1e6) / result.saturation.perSecond : null;
  report.add({
    scenario: 'round trip',
    metric: 'server CPU per message at saturation',
    unit: 'µs',
    livechat: cpuPerMessage(livechat),
    r1: cpuPerMessage(r1),
    r2: cpuPerMessage(r2),
    ratios: { 'vs R2': ratio(cpuPerMessage(livechat), cpuPerMessage(r2)) },
  });
  if (livechat) {
    const steps = livechat.steps;
    const lost = steps.reduce((n, s) => n + (s.sent - s.received), 0);
    const duplicated = steps.reduce((n, s) => n + s.duplicates, 0) + livechat.saturation.duplicates;
    const unacked = steps.reduce((n, s) => n + (s.sent - (s.acked ?? 0)), 0);
    report.check(
      'round trip: every sent message reached the operator once',
      lost === 0 && duplicated === 0,
      `${lost} lost, ${duplicated} duplicated`,
    );
    report.check('round trip: every sent message was acknowledged', unacked === 0, `${unacked} without ack`);
    // Persisted: the store holds one row per message sent (warm-up, steps and closed loops), no more.
    const sent = steps.reduce((n, s) => n + s.sent, 0) + livechat.saturation.sent;
    report.check(
      'round trip: every sent message was stored once',
      livechat.storedDelta === sent,
      `${livechat.storedDelta ?? 'unknown'} stored of ${sent} sent`,
    );
  }
}
