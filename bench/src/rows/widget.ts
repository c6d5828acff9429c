// The widget as rows: the loader's and the opened widget's sizes, and the time from the script tag
// to a visible launcher.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report, Row } from '../report.ts';
import { widget } from '../scenarios/widget.ts';

/** Measures the widget, and reports its rows. */
export async function reportWidget(ctx: BenchContext, report: Report): Promise<void> {
  const w = await attempt(report, 'widget', () => widget(ctx));
  report.raw.widget = w;
  if (w) {
    const rows: Row[] = [
      {
        scenario: 'widget',
        metric: 'loader size',
        unit: 'B gzip',
        livechat: w.loaderGzipBytes,
        target: '≤ 2 KB',
        meets: w.loaderGzipBytes <= 2048,
      },
      {
        scenario: 'widget',
        metric: 'opened widget size (what the page loaded)',
        unit: 'B gzip',
        livechat: w.openedGzipBytes ?? w.browserNote ?? 'skipped in bench:quick',
        target: '≤ 25 KB',
        meets: w.openedGzipBytes === null ? null : w.openedGzipBytes <= 25 * 1024,
      },
      {
        scenario: 'widget',
        metric: 'opened widget size once the visitor wrote a message',
        unit: 'B gzip',
        livechat: w.writtenGzipBytes ?? w.browserNote ?? 'skipped in bench:quick',
        target: '≤ 25 KB',
        meets: w.writtenGzipBytes === null ? null : w.writtenGzipBytes <= 25 * 1024,
      },
      {
        scenario: 'widget',
        metric: 'script tag to visible launcher',
        unit: 'ms',
        livechat: w.launcherMs ?? w.browserNote ?? 'skipped in bench:quick',
        target: '< 100 ms',
        meets: w.launcherMs === null ? null : w.launcherMs < 100,
      },
    ];
    rows.forEach((row) => report.add(row));
  }
}
