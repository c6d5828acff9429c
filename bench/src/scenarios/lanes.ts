// Scenarios where the systems take turns: every system is started and prepared first, then each
// step goes to one system after the other, in an order that rotates, so that a busy moment of the
// shared machine falls on all of them rather than on whichever ran then.

import type { BenchContext, Running } from '../context.ts';
import type { SystemName } from '../load/participants.ts';

/** What every system in such a run has: its server, and whether it failed (then it has no result). */
export interface Lane {
  system: SystemName;
  running: Running;
  failed: boolean;
}

/**
 * Starts each system, makes its lane and prepares it, into `lanes` (the caller stops every server
 * there, whatever happens). A system that fails to start is reported and left out; one that fails
 * while being prepared is handed to `fail`.
 */
export async function startLanes<L extends Lane>(
  ctx: BenchContext,
  systems: readonly SystemName[],
  lanes: L[],
  how: {
    lane: (system: SystemName, running: Running) => L;
    prepare: (lane: L) => Promise<void>;
    fail: (lane: L, error: unknown) => void;
    onError: (system: SystemName, error: unknown) => void;
  },
): Promise<void> {
  for (const system of systems) {
    let running: Running;
    try {
      running = await ctx.start(system);
    } catch (error) {
      how.onError(system, error);
      continue;
    }
    const lane = how.lane(system, running);
    lanes.push(lane);
    try {
      await how.prepare(lane);
    } catch (error) {
      how.fail(lane, error);
    }
  }
}

/** The lanes in the order of one turn: each turn starts one further along. */
export function inTurn<L>(lanes: readonly L[], turn: number): L[] {
  return lanes.map((_, i) => lanes[(i + turn) % lanes.length] as L);
}
