// The operator UI as rows: opening a long conversation and the longest main-thread task while a
// visitor floods, and the check that every stored message showed.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report, Row } from '../report.ts';
import { OPERATOR_UI_FULL, OPERATOR_UI_QUICK, type OperatorUiResult, operatorUi } from '../scenarios/operator-ui.ts';

/** Measures the operator UI in a browser, and reports its rows and check. */
export async function reportOperatorUi(ctx: BenchContext, report: Report): Promise<void> {
  const ui = await attempt(report, 'operator UI', () =>
    operatorUi(ctx.sizes.quick ? OPERATOR_UI_QUICK : OPERATOR_UI_FULL),
  );
  report.raw.operatorUi = ui;
  if (ui) operatorUiRows(ui).forEach((row) => report.add(row));
  if (ui && ui.browserNote === null) {
    report.check(
      'operator UI: every message stored during the flood showed',
      ui.floodStored === 0 || ui.floodCatchUpMs !== null,
      `${ui.floodStored} stored, ${ui.floodRefused} refused`,
    );
  }
}

function operatorUiRows(ui: OperatorUiResult): Row[] {
  const skipped = ui.browserNote ?? 'not measured';
  return [
    {
      scenario: 'operator UI',
      metric: `open a ${ui.history.toLocaleString('en')}-message conversation, to its last message shown`,
      unit: 'ms',
      livechat: ui.openMs ?? skipped,
      target: '< 1000 ms',
      meets: ui.openMs === null ? null : ui.openMs < 1000,
    },
    {
      scenario: 'operator UI',
      metric: `longest main-thread task, one visitor flooding ${ui.floodSent} messages at 1,000/s`,
      unit: 'ms',
      livechat: ui.longestTaskMs ?? skipped,
      target: '< 100 ms',
      meets: ui.longestTaskMs === null ? null : ui.longestTaskMs < 100,
      limit: `${ui.longTasks} tasks ≥ 50 ms; last message shown ${ui.floodCatchUpMs ?? '?'} ms after the flood, the server's last answer ${ui.floodAnsweredMs ?? '?'} ms`,
    },
  ];
}
