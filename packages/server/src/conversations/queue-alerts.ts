// The queue alert: a timer that tells every online operator, once per wait, about a queued conversation
// that has waited longer than its site allows (`queue.waiting`); one pass at a time across nodes.

import type { QueueWaiting } from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../realtime/connection.ts';
import type { ConversationService } from './service.ts';

export interface QueueAlertDeps {
  store: Store;
  bus: EventBus;
  conversations: ConversationService;
  log: Logger;
}

export class QueueAlerts {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: QueueAlertDeps,
    everyMs: number,
  ) {
    this.timer = setInterval(() => void this.check(), everyMs);
    // Never what keeps the process alive.
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /**
   * One pass, on one node at a time: each overdue wait is marked first, so that it is alerted once
   * however often and wherever this runs; the alerts go out once the marks are stored.
   */
  async check(): Promise<void> {
    try {
      let alerts: QueueWaiting[] = [];
      await this.deps.store.jobs.once('queue-alerts', async () => {
        alerts = await this.markOverdue();
      });
      if (alerts.length === 0) return;
      const online = (await this.deps.conversations.router.takers()).map((taker) => taker.id);
      for (const frame of alerts) {
        for (const operatorId of online) this.deps.bus.publish({ kind: 'to-operator', operatorId, frame });
      }
    } catch (err) {
      this.deps.log.error({ err }, 'queue alert check failed');
    }
  }

  /** The alerts of the waits found overdue and marked alerted now. */
  private async markOverdue(): Promise<QueueWaiting[]> {
    const { store, conversations } = this.deps;
    const alerts: QueueWaiting[] = [];
    for (const conversation of await store.conversations.dueQueueAlerts()) {
      const waitingSince = conversation.queuedAt ?? conversation.createdAt;
      if (!(await store.conversations.markQueueAlerted(conversation.id, waitingSince))) continue;
      const summary = { ...(await conversations.listing(conversation)), unread: 0 };
      alerts.push({ type: 'queue.waiting', conversation: summary, waitingSince });
    }
    return alerts;
  }
}
