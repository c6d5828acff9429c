// The bench's command line and environment: full or quick, which scenarios run, SQLite's synchronous
// setting, and the deadline that bounds the run.

import { FULL, QUICK, type Sizes } from './context.ts';
import type { Report } from './report.ts';

export const SCENARIOS = [
  'storage',
  'round-trip',
  'two-nodes',
  'fan-out',
  'idle',
  'jitter',
  'avalanche',
  'flood',
  'commands',
  'search',
  'widget',
  'operator-ui',
] as const;
export type Scenario = (typeof SCENARIOS)[number];

export interface Options {
  quick: boolean;
  /** `--only=round-trip,idle`: a partial run for working on one figure; it never writes results.json. */
  only: ReadonlySet<string> | null;
  sizes: Sizes;
  synchronous: 'FULL' | 'NORMAL';
  deadlineMs: number;
}

/** Reads the options; an unknown scenario in `--only=` ends the process with exit code 2. */
export function readOptions(argv: readonly string[], env: NodeJS.ProcessEnv): Options {
  const quick = argv.includes('--quick');
  const onlyArg = argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);
  const only = onlyArg ? new Set(onlyArg.split(',')) : null;
  for (const name of only ?? []) {
    if (!(SCENARIOS as readonly string[]).includes(name)) {
      console.error(`unknown scenario ${name}; known: ${SCENARIOS.join(', ')}`);
      process.exit(2);
    }
  }
  return {
    quick,
    only,
    sizes: quick ? QUICK : FULL,
    synchronous: (env.SQLITE_SYNCHRONOUS ?? 'FULL').toUpperCase() === 'NORMAL' ? 'NORMAL' : 'FULL',
    deadlineMs: quick ? 4 * 60_000 : 15 * 60_000,
  };
}

/** Whether the run includes the scenario: every one, unless `--only=` names some. */
export const runs = (options: Options, scenario: Scenario): boolean =>
  options.only === null || options.only.has(scenario);

/** Bounded in time whatever happens: a hung scenario ends the run as a failure. */
export function stopAtDeadline(deadlineMs: number, report: Report): void {
  setTimeout(() => {
    console.log(`\nstopped: the run exceeded ${deadlineMs / 60_000} minutes`);
    console.log(
      `${report.checks.filter((c) => c.passed).length} passed, ${report.checks.filter((c) => !c.passed).length + 1} failed`,
    );
    process.exit(1);
  }, deadlineMs).unref();
}
