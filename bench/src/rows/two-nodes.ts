// Two nodes as rows: one node on SQLite, one on PostgreSQL and Redis and two on them, at one rate and
// at saturation, with the checks that every message arrived, was acknowledged and was stored once.

import { firstLine } from '../attempt.ts';
import type { BenchContext, Sizes } from '../context.ts';
import { describeLoad, type Report } from '../report.ts';
import { DEPLOYMENT_LABEL, twoNodes } from '../scenarios/two-nodes.ts';
import { ratio } from '../stats.ts';

/** Runs the three deployments in turn, and reports their rows and checks. */
export async function reportTwoNodes(ctx: BenchContext, report: Report): Promise<void> {
  console.log('\ntwo nodes: one node on SQLite, one on PostgreSQL and Redis, two on them, taking turns');
  const ran = await twoNodes(ctx, (deployment, error) =>
    report.check(`two nodes: ${DEPLOYMENT_LABEL[deployment]} ran`, false, firstLine(error)),
  ).catch((error: unknown) => {
    report.check('two nodes ran', false, firstLine(error));
    return {};
  });
  report.raw.twoNodes = ran;
  twoNodeRows(report, ctx.sizes, ran);
}

/** A load's description with the share of a core its PostgreSQL and Redis used, where it has them. */
const withBacking = (load: string, backing: number | undefined) =>
  backing === undefined ? load : `${load}, PostgreSQL and Redis cpu ${(backing * 100).toFixed(0)} %`;

function twoNodeRows(report: Report, sizes: Sizes, ran: Awaited<ReturnType<typeof twoNodes>>) {
  const { rate } = sizes.twoNodes;
  const one = ran.sqlite ?? null;
  const two = ran.twoNodes ?? null;
  const names = ['sqlite', 'postgres', 'twoNodes'] as const;
  const at = `at ${rate.toLocaleString('en')} msg/s${sizes.twoNodes.repeats > 1 ? ` (median of ${sizes.twoNodes.repeats})` : ''}`;
  for (const name of names) {
    const result = ran[name] ?? null;
    const isTwo = name === 'twoNodes';
    report.add({
      scenario: 'two nodes',
      metric: `p99 ${at}, ${DEPLOYMENT_LABEL[name]}`,
      unit: 'ms',
      livechat: result?.p99 ?? null,
      ...(isTwo
        ? {
            target: '≤ one node on SQLite + 10 ms',
            meets: two === null || one === null ? null : two.p99 <= one.p99 + 10,
          }
        : {}),
      limit: withBacking(describeLoad(result?.steps.find((step) => !step.warmUp)?.load), result?.backingCpu?.steps),
    });
    report.add({
      scenario: 'two nodes',
      metric: `p50 ${at}, ${DEPLOYMENT_LABEL[name]}`,
      unit: 'ms',
      livechat: result?.p50 ?? null,
    });
  }
  for (const name of names) {
    const result = ran[name] ?? null;
    report.add({
      scenario: 'two nodes',
      metric: `saturation throughput, ${DEPLOYMENT_LABEL[name]}`,
      unit: 'msg/s',
      livechat: result?.saturation.perSecond ?? null,
      ratios:
        name === 'sqlite'
          ? {}
          : { 'vs one node on SQLite': ratio(result?.saturation.perSecond, one?.saturation.perSecond) },
      limit: withBacking(describeLoad(result?.saturation.load), result?.backingCpu?.saturation),
    });
  }
  for (const name of names) {
    const result = ran[name];
    if (!result) continue;
    const lost = result.steps.reduce((n, step) => n + (step.sent - step.received), 0);
    const duplicated = result.steps.reduce((n, step) => n + step.duplicates, 0) + result.saturation.duplicates;
    const unacked = result.steps.reduce((n, step) => n + (step.sent - (step.acked ?? 0)), 0);
    const label = `two nodes, ${DEPLOYMENT_LABEL[name]}`;
    report.check(
      `${label}: every sent message reached the operator once`,
      lost === 0 && duplicated === 0,
      `${lost} lost, ${duplicated} duplicated`,
    );
    report.check(`${label}: every sent message was acknowledged`, unacked === 0, `${unacked} without ack`);
    report.check(
      `${label}: every sent message was stored once`,
      result.stored === result.sent,
      `${result.stored} stored of ${result.sent} sent`,
    );
  }
}
