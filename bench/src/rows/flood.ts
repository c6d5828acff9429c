// The flood as rows: the ordinary visitors' round trip with and without one visitor flooding, and
// the checks that their messages still arrived and the flooder was refused without being cut off.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report } from '../report.ts';
import { flood } from '../scenarios/flood.ts';
import { ratio } from '../stats.ts';

/** Runs the flood on the live chat, and reports its rows and checks. */
export async function reportFlood(ctx: BenchContext, report: Report): Promise<void> {
  const { sizes } = ctx;
  const flooded = await attempt(report, 'flood: live chat', () => flood(ctx));
  report.raw.flood = flooded;
  const visitors = `${sizes.flood.visitors} visitors, a message a second each`;
  report.add({
    scenario: 'flood',
    metric: `round trip p99, ${visitors}, quiet`,
    unit: 'ms',
    livechat: flooded?.quiet.p99 ?? null,
  });
  report.add({
    scenario: 'flood',
    metric: `round trip p99, ${visitors}, while one visitor sends ${sizes.flood.framesPerSecond} frames/s`,
    unit: 'ms',
    livechat: flooded?.flooded.p99 ?? null,
    ratios: { 'vs quiet': ratio(flooded?.flooded.p99, flooded?.quiet.p99) },
    target: '≤ 2× quiet',
    meets: flooded ? flooded.flooded.p99 <= 2 * flooded.quiet.p99 : null,
  });
  if (flooded) {
    const { quiet, flood: count } = flooded;
    const probesArrived = quiet.received === quiet.probes && flooded.flooded.received === flooded.flooded.probes;
    report.check(
      'flood: every ordinary message reached the operator',
      probesArrived,
      `${quiet.received}/${quiet.probes} quiet, ${flooded.flooded.received}/${flooded.flooded.probes} flooded`,
    );
    report.check(
      'flood: the flooder is told rate_limited and its socket stays open',
      count.limited > 0 && count.otherErrors === 0 && count.stillOpen,
      `${count.sent} sent, ${count.acked} stored, ${count.limited} refused, ${count.otherErrors} other errors`,
    );
  }
}
