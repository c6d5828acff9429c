// Idle connections as rows: the server memory each held connection costs, against R1 and R2, and the
// check that every visitor connected.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report } from '../report.ts';
import { idle } from '../scenarios/idle.ts';
import { ratio } from '../stats.ts';

const KIB = 1024;

/** Holds idle connections on R1, R2 and the live chat in turn, and reports the row and check. */
export async function reportIdle(ctx: BenchContext, report: Report): Promise<void> {
  const { sizes } = ctx;
  const idleResults = {
    r1: await attempt(report, 'idle connections: R1', () => idle(ctx, 'r1')),
    r2: await attempt(report, 'idle connections: R2', () => idle(ctx, 'r2')),
    livechat: await attempt(report, 'idle connections: live chat', () => idle(ctx, 'livechat')),
  };
  report.raw.idle = idleResults;
  const perConn = (r: typeof idleResults.r1) => (r ? r.rssPerConnection / KIB : null);
  report.add({
    scenario: 'idle connections',
    metric: `memory per connection (${sizes.idle.connections} held)`,
    unit: 'KiB rss',
    livechat: perConn(idleResults.livechat),
    r1: perConn(idleResults.r1),
    r2: perConn(idleResults.r2),
    ratios: {
      'vs R1': ratio(perConn(idleResults.livechat), perConn(idleResults.r1)),
      'vs R2': ratio(perConn(idleResults.livechat), perConn(idleResults.r2)),
    },
    target: '≤ 3× R1 and ≤ 0.5× R2',
    meets:
      idleResults.livechat && idleResults.r1 && idleResults.r2
        ? idleResults.livechat.rssPerConnection <= 3 * idleResults.r1.rssPerConnection &&
          idleResults.livechat.rssPerConnection <= 0.5 * idleResults.r2.rssPerConnection
        : null,
  });
  if (idleResults.livechat) {
    const { connected, connections } = idleResults.livechat;
    report.check('idle: every visitor connected', connected === connections, `${connected}/${connections}`);
  }
}
