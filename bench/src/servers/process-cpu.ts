// CPU time of processes the bench did not fork itself (PostgreSQL's postmaster and its backends, a
// redis-server), read from Linux's /proc, so that a deployment's load counts what its servers use.

import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times: 100 on every Linux the bench runs on. */
const TICKS_PER_SECOND = 100;

interface ProcessTimes {
  pid: number;
  parent: number;
  cpuSeconds: number;
  command: string;
}

function read(pid: number): ProcessTimes | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name in parentheses may hold spaces: the fields that follow come after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return { pid, parent: Number(fields[1]), cpuSeconds: ticks / TICKS_PER_SECOND, command };
  } catch {
    // Gone between the listing and the read: a backend that ended.
    return null;
  }
}

function processes(): ProcessTimes[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => read(Number(name)))
    .filter((times): times is ProcessTimes => times !== null);
}

/**
 * CPU seconds used so far by each process whose command line contains every one of `markers`, and by
 * each of their children (PostgreSQL's backends), by process id.
 */
export function cpuSecondsOf(markers: readonly string[]): Map<number, number> {
  const all = processes();
  const roots = new Set(all.filter((p) => markers.every((m) => p.command.includes(m))).map((p) => p.pid));
  return new Map(all.filter((p) => roots.has(p.pid) || roots.has(p.parent)).map((p) => [p.pid, p.cpuSeconds]));
}

/**
 * CPU seconds used between two readings: a process that came in between counts whole, one that
 * ended in between (a pooled connection closed while idle) takes what it used since the first
 * reading with it, which is never more than a moment of idling.
 */
export function cpuSecondsBetween(before: Map<number, number>, after: Map<number, number>): number {
  let used = 0;
  for (const [pid, seconds] of after) used += seconds - (before.get(pid) ?? 0);
  return used;
}
