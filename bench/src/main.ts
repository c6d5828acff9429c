// `pnpm bench` / `pnpm bench:quick`: runs every scenario against the live chat and its baselines in
// one go, prints the table, writes bench/results.json (full run) and ends with "N passed, N failed"
// for the functional checks (lost, duplicated or missing messages), never for timings.

import { fileURLToPath } from 'node:url';
import { BenchContext } from './context.ts';
import { readOptions, runs, stopAtDeadline } from './options.ts';
import { Report } from './report.ts';
import { reportAvalanche } from './rows/avalanche.ts';
import { reportCommands } from './rows/commands.ts';
import { reportFanOut } from './rows/fan-out.ts';
import { reportFlood } from './rows/flood.ts';
import { reportIdle } from './rows/idle.ts';
import { reportJitter } from './rows/jitter.ts';
import { reportOperatorUi } from './rows/operator-ui.ts';
import { reportRoundTrip } from './rows/round-trip.ts';
import { reportSearch } from './rows/search.ts';
import { reportStorage } from './rows/storage.ts';
import { reportTwoNodes } from './rows/two-nodes.ts';
import { reportWidget } from './rows/widget.ts';
import { clockMs } from './stats.ts';

const options = readOptions(process.argv, process.env);
const { quick, only, sizes, synchronous } = options;
const report = new Report();
const startedAt = clockMs();
stopAtDeadline(options.deadlineMs, report);

async function main() {
  console.log(`${quick ? 'bench:quick' : 'bench'}: SQLite synchronous=${synchronous}, ${sizes.workers} load processes`);
  const ctx = new BenchContext(sizes, synchronous);
  await ctx.init();
  try {
    const r3 = runs(options, 'storage') ? await reportStorage(ctx, report) : null;
    if (runs(options, 'round-trip')) await reportRoundTrip(ctx, report, r3?.single ?? null);
    if (runs(options, 'two-nodes')) await reportTwoNodes(ctx, report);
    if (runs(options, 'fan-out')) await reportFanOut(ctx, report);
    if (runs(options, 'idle')) await reportIdle(ctx, report);
    if (runs(options, 'jitter')) await reportJitter(ctx, report);
    // Not in bench:quick unless asked for by name (`--quick --only=flood`): quick already takes over a minute.
    if (runs(options, 'flood') && (!quick || only?.has('flood'))) await reportFlood(ctx, report);
    if (runs(options, 'avalanche')) await reportAvalanche(ctx, report);
    if (runs(options, 'commands')) await reportCommands(ctx, report);
    // Seeding a million messages takes about a minute: only in the full run, or when named.
    if (runs(options, 'search') && (!quick || only?.has('search'))) await reportSearch(ctx, report);
    if (runs(options, 'widget')) await reportWidget(ctx, report);
    if (runs(options, 'operator-ui')) await reportOperatorUi(ctx, report);
  } finally {
    await ctx.dispose();
  }

  report.print();
  const seconds = (clockMs() - startedAt) / 1000;
  console.log(`\n${quick ? 'bench:quick' : 'bench'} took ${seconds.toFixed(0)} s`);
  if (!quick && only === null) {
    const path = fileURLToPath(new URL('../results.json', import.meta.url));
    report.write(path, { command: 'pnpm bench', synchronous, sizes, seconds });
    console.log(`wrote ${path}`);
  }
  console.log(report.summaryLine());
  process.exitCode = report.checks.some((check) => !check.passed) ? 1 : 0;
}

await main();
