// Jitter as rows: the share of acknowledged messages delivered exactly once while connections drop,
// and the check that none was lost, repeated or skipped.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report } from '../report.ts';
import { jitter } from '../scenarios/jitter.ts';

/** Runs the jitter on the live chat (and on R2 in the full run), and reports the row and check. */
export async function reportJitter(ctx: BenchContext, report: Report): Promise<void> {
  const { sizes } = ctx;
  const jit = {
    livechat: await attempt(report, 'jitter: live chat', () => jitter(ctx, 'livechat')),
    r2: sizes.quick ? null : await attempt(report, 'jitter: R2', () => jitter(ctx, 'r2')),
  };
  report.raw.jitter = jit;
  const exactlyOnce = (o: typeof jit.livechat) =>
    o
      ? (100 *
          (o.visitorAcked +
            o.operatorAcked -
            o.visitorLost -
            o.visitorDuplicated -
            o.operatorLost -
            o.operatorDuplicated)) /
        Math.max(1, o.visitorAcked + o.operatorAcked)
      : null;
  report.add({
    scenario: 'jitter',
    metric: `acked messages delivered exactly once (${sizes.jitter.visitors} visitors, ${sizes.jitter.durationMs / 1000} s)`,
    unit: '%',
    livechat: exactlyOnce(jit.livechat),
    r2: exactlyOnce(jit.r2),
    target: '100 %',
    meets: jit.livechat ? exactlyOnce(jit.livechat) === 100 : null,
  });
  if (jit.livechat) {
    const o = jit.livechat;
    const bad = o.visitorLost + o.visitorDuplicated + o.operatorLost + o.operatorDuplicated + o.gaps;
    report.check(
      'jitter: every acknowledged message delivered exactly once, no gaps',
      bad === 0 && o.errors === 0 && o.visitorAcked > 0,
      `${o.visitorAcked} + ${o.operatorAcked} acked, lost ${o.visitorLost}/${o.operatorLost}, duplicated ${o.visitorDuplicated}/${o.operatorDuplicated}, gaps ${o.gaps}, errors ${o.errors}`,
    );
  }
}
