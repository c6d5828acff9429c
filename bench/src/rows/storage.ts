// R3, the storage baseline, as rows: SQLite's insert rates and fsync latency, against which the live
// chat's saturation is judged.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report } from '../report.ts';
import { type StorageBaseline, storageBaseline } from '../scenarios/storage.ts';

/** Runs the storage baseline and reports its rows; its figures (null if it crashed) serve the round trip. */
export async function reportStorage(ctx: BenchContext, report: Report): Promise<StorageBaseline | null> {
  const { sizes } = ctx;
  const r3 = await attempt(report, 'R3 storage baseline', () => storageBaseline(ctx));
  report.raw.r3 = r3;
  report.add({
    scenario: 'storage',
    metric: 'rows/s, one commit each',
    unit: 'rows/s',
    livechat: '',
    r3: r3?.single ?? null,
  });
  report.add({
    scenario: 'storage',
    metric: 'rows/s, 100 per commit',
    unit: 'rows/s',
    livechat: '',
    r3: r3?.batched ?? null,
  });
  report.add({
    scenario: 'storage',
    metric: `CPU per row, ${sizes.roundTrip.visitors} per commit over ${sizes.roundTrip.visitors} conversations`,
    unit: 'µs',
    livechat: '',
    r3: r3?.spread.cpuPerRowUs ?? null,
    limit: r3 ? `${Math.round(r3.spread.rowsPerSecond)} rows/s` : undefined,
  });
  for (const [when, figures] of [
    ['cores idle', r3?.fsync.quiet],
    ['every core busy', r3?.fsync.busy],
  ] as const) {
    report.add({
      scenario: 'storage',
      metric: `fsync of 3 appended pages, p99, ${when}`,
      unit: 'ms',
      livechat: '',
      r3: figures?.p99 ?? null,
      limit: figures ? `p50 ${figures.p50.toFixed(2)} ms` : undefined,
    });
  }
  return r3;
}
