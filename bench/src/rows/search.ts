// Inbox search as rows: an admin's and an operator's search over a large seeded store, the next
// page, and the index's segments before and after its quiet merges.

import { attempt } from '../attempt.ts';
import type { BenchContext } from '../context.ts';
import type { Report, Row } from '../report.ts';
import { benchSearch } from '../scenarios/search.ts';

/** Seeds the store, times the inbox search, and reports its rows. */
export async function reportSearch(ctx: BenchContext, report: Report): Promise<void> {
  const s = await attempt(report, 'search', () => benchSearch(ctx.sizes.search));
  report.raw.search = s;
  if (s) {
    const over = `over ${s.messages.toLocaleString('en')} messages in ${s.conversations.toLocaleString('en')} conversations`;
    const rows: Row[] = [
      {
        scenario: 'search',
        metric: `inbox search ${over}, admin, p99`,
        unit: 'ms',
        livechat: s.admin.p99,
        target: '< 20 ms',
        meets: s.admin.p99 < 20,
        limit: `seeded in ${s.seedSeconds.toFixed(0)} s`,
      },
      {
        scenario: 'search',
        metric: `index after the seed → after ${s.quietMergeSeconds.toFixed(1)} s of quiet merges`,
        unit: 'segments',
        livechat: `${s.segments.seeded} → ${s.segments.merged}`,
      },
      { scenario: 'search', metric: `inbox search ${over}, admin, p50`, unit: 'ms', livechat: s.admin.p50 },
      {
        scenario: 'search',
        metric: `inbox search ${over}, operator, p99`,
        unit: 'ms',
        livechat: s.operator.p99,
        target: '< 20 ms',
        meets: s.operator.p99 < 20,
      },
      { scenario: 'search', metric: `inbox search ${over}, operator, p50`, unit: 'ms', livechat: s.operator.p50 },
      { scenario: 'search', metric: 'inbox search, next page (cursor), p99', unit: 'ms', livechat: s.nextPage.p99 },
    ];
    rows.forEach((row) => report.add(row));
  }
}
