// What a bench server process reports about itself during a phase: CPU, event-loop delay, GC pauses.

import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface ProcessLoad {
  /** Share of one core used by this process over the phase (1 = one core fully busy). */
  cpu: number;
  /** Event-loop delay p99 over the phase, ms. */
  loopDelayP99: number;
  /** Time spent in GC pauses, as a share of the phase. */
  gcShare: number;
}

export class Probe {
  private cpu = process.cpuUsage();
  private started = performance.now();
  private gcMs = 0;
  private readonly delay = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) this.gcMs += entry.duration;
    }).observe({ entryTypes: ['gc'] });
  }

  begin(): void {
    this.cpu = process.cpuUsage();
    this.started = performance.now();
    this.gcMs = 0;
    this.delay.reset();
    this.delay.enable();
  }

  end(): ProcessLoad {
    const elapsed = performance.now() - this.started;
    const used = process.cpuUsage(this.cpu);
    this.delay.disable();
    return {
      cpu: (used.user + used.system) / 1000 / elapsed,
      loopDelayP99: this.delay.percentile(99) / 1e6,
      gcShare: this.gcMs / elapsed,
    };
  }
}
