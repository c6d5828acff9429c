// Runs the mail jobs (replies to email, then the outbox) every few seconds, one run at a time across nodes.

import type { JobRepository } from '../jobs/repository.ts';
import type { Logger } from '../realtime/connection.ts';

export type MailJob = () => Promise<void>;

export class MailWorker {
  private readonly timer: NodeJS.Timeout;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly jobs: readonly MailJob[],
    everyMs: number,
    private readonly log: Logger,
    private readonly gate: Pick<JobRepository, 'once'>,
  ) {
    this.timer = setInterval(() => this.nudge(), Math.max(everyMs, 10));
    this.timer.unref();
  }

  /**
   * Runs the jobs now, or right after the run under way: something was added here. A run under way on
   * another node makes this one pass; what was added is then sent by that run or by the next tick.
   */
  nudge(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.nudge();
      }
    });
  }

  /** No new run starts; the one under way finishes first, so that nothing is cut halfway. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      await this.gate.once('mail', () => this.runJobs());
    } catch (err) {
      this.log.error({ err }, 'the mail run could not start; the next run tries again');
    }
  }

  private async runJobs(): Promise<void> {
    for (const job of this.jobs) {
      // One failing job (a database hiccup) leaves the others to run, and the next tick tries again.
      try {
        await job();
      } catch (err) {
        this.log.error({ err }, 'a mail job failed; the next run tries again');
      }
    }
  }
}
