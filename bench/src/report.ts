// The bench's output: rows of figures with their baselines and ratios, functional checks, the
// printed table and results.json.

import { execSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';

export type Figure = number | null;

export interface Row {
  scenario: string;
  metric: string;
  unit: string;
  livechat: Figure | string;
  r1?: Figure;
  r2?: Figure;
  r3?: Figure;
  /** Named ratios of the live chat's figure to its baselines, e.g. { 'vs R1': 0.8 }. */
  ratios?: Record<string, Figure>;
  target?: string;
  /** Whether the target is met, when the row has one that can be decided. */
  meets?: boolean | null;
  /** What limits this figure, as measured (server CPU, event-loop delay, GC share). */
  limit?: string;
}

export interface Check {
  name: string;
  passed: boolean;
  detail: string;
}

export class Report {
  readonly rows: Row[] = [];
  readonly checks: Check[] = [];
  readonly raw: Record<string, unknown> = {};

  add(row: Row): void {
    this.rows.push(row);
  }

  check(name: string, passed: boolean, detail: string): void {
    this.checks.push({ name, passed, detail });
    console.log(`  ${passed ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
  }

  print(): void {
    const header = ['scenario', 'metric', 'live chat', 'R1 ws', 'R2 Socket.IO', 'R3 SQLite', 'ratios', 'target', 'met'];
    const lines = this.rows.map((row) => [
      row.scenario,
      `${row.metric} (${row.unit})`,
      typeof row.livechat === 'string' ? row.livechat : format(row.livechat),
      format(row.r1),
      format(row.r2),
      format(row.r3),
      Object.entries(row.ratios ?? {})
        .map(([name, value]) => `${value === null ? '–' : value.toFixed(2)} ${name}`)
        .join(', '),
      row.target ?? '',
      row.meets === undefined || row.meets === null ? '' : row.meets ? 'yes' : 'no',
    ]);
    const widths = header.map((title, i) => Math.max(title.length, ...lines.map((line) => (line[i] ?? '').length)));
    const render = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ');
    console.log(`\n${render(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}`);
    for (const line of lines) console.log(render(line));
  }

  write(path: string, extra: Record<string, unknown>): void {
    const result = {
      ...extra,
      machine: machine(),
      commit: commit(),
      date: new Date().toISOString(),
      rows: this.rows,
      checks: this.checks,
      raw: this.raw,
    };
    writeFileSync(path, `${JSON.stringify(result, null, 2)}\n`);
  }

  summaryLine(): string {
    const failed = this.checks.filter((check) => !check.passed).length;
    return `${this.checks.length - failed} passed, ${failed} failed`;
  }
}

function format(value: Figure | undefined): string {
  if (value === undefined) return '';
  if (value === null || !Number.isFinite(value)) return '–';
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  if (Math.abs(value) >= 100) return value.toFixed(0);
  if (Math.abs(value) >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function machine() {
  const cpu = cpus();
  return {
    cpus: cpu.length,
    cpuModel: cpu[0]?.model ?? 'unknown',
    memoryBytes: totalmem(),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

function commit(): string {
  try {
    const head = execSync('git rev-parse HEAD', { encoding: 'utf8' }).trim();
    const dirty =
      execSync('git status --porcelain --untracked-files=no -- packages bench', { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${head} (with uncommitted changes)` : head;
  } catch {
    return 'unknown';
  }
}

/** "cpu 0.97, loop p99 12 ms, gc 3 %": the evidence for what limits a figure. */
export function describeLoad(load: { cpu: number; loopDelayP99: number; gcShare: number } | undefined): string {
  if (!load) return '';
  return `server cpu ${(load.cpu * 100).toFixed(0)} %, loop p99 ${load.loopDelayP99.toFixed(1)} ms, gc ${(load.gcShare * 100).toFixed(1)} %`;
}
