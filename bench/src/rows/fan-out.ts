// Fan-out as rows: the deliveries per second each system sustains to many sockets within the p99
// limit, and the check that every socket got every message once.

import { systemFailed } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import { describeLoad, type Report } from '../report.ts';
import { FAN_OUT_P99_MS, fanOut } from '../scenarios/fan-out.ts';
import { ratio, total } from '../stats.ts';

/** Runs the fan-out on R1, R2 and the live chat in turn, and reports its row and check. */
export async function reportFanOut(ctx: BenchContext, report: Report): Promise<void> {
  const { sizes } = ctx;
  console.log('\nfan-out: R1, R2 and live chat, taking turns');
  const ran = await fanOut(ctx, ['r1', 'r2', 'livechat'], systemFailed(report, 'fan-out')).catch((error: unknown) => {
    report.check('fan-out ran', false, error instanceof Error ? error.message : String(error));
    return {} as Awaited<ReturnType<typeof fanOut>>;
  });
  const fan = { r1: ran.r1 ?? null, r2: ran.r2 ?? null, livechat: ran.livechat ?? null };
  report.raw.fanOut = fan;
  // A system that ran but kept no step within the p99 limit sustained 0 deliveries/s by this measure.
  const fanBest = (f: typeof fan.r1) => (f ? (f.best?.deliveriesPerSecond ?? 0) : null);
  const [ours, r1Best, r2Best] = [fanBest(fan.livechat), fanBest(fan.r1), fanBest(fan.r2)];
  report.add({
    scenario: 'fan-out',
    metric: `deliveries/s to ${sizes.fanOut.sockets} sockets, p99 ≤ ${FAN_OUT_P99_MS} ms`,
    unit: '/s',
    livechat: ours,
    r1: r1Best,
    r2: r2Best,
    ratios: { 'vs R1': ratio(ours, r1Best), 'vs R2': ratio(ours, r2Best) },
    target: '≥ 0.6× R1 and ≥ 1.5× R2',
    meets:
      ours === null || r1Best === null || r2Best === null || r1Best === 0
        ? null
        : ours >= 0.6 * r1Best && ours >= 1.5 * r2Best && ours > 0,
    limit: describeLoad(fan.livechat?.steps.at(-1)?.load),
  });
  if (fan.livechat) {
    const { steps, outsideSteps } = fan.livechat;
    const expected = total(steps, (s) => s.expected);
    const received = total(steps, (s) => s.received);
    const duplicates = total(steps, (s) => s.duplicates);
    const strays = total(steps, (s) => s.strays);
    report.check(
      'fan-out: every socket got every message once',
      steps.length > 0 && received === expected && duplicates === 0 && strays === 0 && outsideSteps === 0,
      `${received}/${expected} received, ${duplicates} repeated, ${strays} unreadable, ${outsideSteps} outside a step`,
    );
  }
}
