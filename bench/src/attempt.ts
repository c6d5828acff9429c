// How a scenario that crashes is reported: as a failed check, so that the other scenarios still run.

import type { SystemName } from './load/participants.ts';
import type { Report } from './report.ts';

/** Runs one scenario; a crash is a failed check, and the other scenarios still run. */
export async function attempt<T>(report: Report, name: string, run: () => Promise<T>): Promise<T | null> {
  console.log(`\n${name}`);
  try {
    return await run();
  } catch (error) {
    report.check(`${name} ran`, false, firstLine(error));
    return null;
  }
}

export function firstLine(error: unknown): string {
  return error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
}

const names = { r1: 'R1', r2: 'R2', livechat: 'live chat' } as const;

/** Reports a system that failed to run in a scenario where the systems take turns; the others still count. */
export const systemFailed = (report: Report, scenario: string) => (system: SystemName, error: unknown) =>
  report.check(`${scenario}: ${names[system]} ran`, false, firstLine(error));
