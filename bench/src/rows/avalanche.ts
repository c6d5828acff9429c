// The restart avalanche as rows: how soon every visitor resumes after the server comes back (killed,
// and restarted gracefully), against R1, and the check that nothing was missed or repeated.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report } from '../report.ts';
import { avalanche } from '../scenarios/avalanche.ts';
import { ratio } from '../stats.ts';

/** Restarts the live chat (killed, then gracefully) and R1 under their visitors, and reports the rows and checks. */
export async function reportAvalanche(ctx: BenchContext, report: Report): Promise<void> {
  const { sizes } = ctx;
  const restart = {
    livechat: await attempt(report, 'restart avalanche: live chat', () => avalanche(ctx, 'livechat')),
    r1: await attempt(report, 'restart avalanche: R1', () => avalanche(ctx, 'r1')),
    restarted: await attempt(report, 'restart avalanche, graceful: live chat', () =>
      avalanche(ctx, 'livechat', 'restarted'),
    ),
  };
  report.raw.avalanche = restart;
  report.add({
    scenario: 'restart avalanche',
    metric: `99 % of ${sizes.avalanche.visitors} resumed, from listening`,
    unit: 'ms',
    livechat: restart.livechat?.p99ResumeMs ?? null,
    r1: restart.r1?.p99ResumeMs ?? null,
    ratios: { 'vs R1': ratio(restart.livechat?.p99ResumeMs, restart.r1?.p99ResumeMs) },
    target: 'nothing missed',
    meets: restart.livechat ? restart.livechat.missing === 0 && restart.livechat.duplicates === 0 : null,
  });
  report.add({
    scenario: 'restart avalanche',
    metric: `99 % of ${sizes.avalanche.visitors} resumed after a graceful restart (SIGTERM, close 1012), from listening`,
    unit: 'ms',
    livechat: restart.restarted?.p99ResumeMs ?? null,
    r1: null,
    ratios: {},
    target: 'nothing missed',
    meets: restart.restarted ? restart.restarted.missing === 0 && restart.restarted.duplicates === 0 : null,
  });
  for (const [label, a] of [
    ['restart', restart.livechat],
    ['graceful restart', restart.restarted],
  ] as const) {
    if (!a) continue;
    report.check(
      `${label}: every visitor resumed with nothing missed or repeated`,
      a.resumed === a.visitors && a.missing === 0 && a.duplicates === 0,
      `${a.resumed}/${a.visitors} resumed, ${a.missing} missing, ${a.duplicates} duplicated`,
    );
  }
}
