// The queue alert: one timer for the server that tells every online operator, once per wait, about a
// queued conversation that has waited longer than its site allows (`queue.waiting`).

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
  private checking = false;

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

  /** One pass: each overdue wait is marked first, so that it is alerted once however often this runs. */
  async check(): Promise<void> {
    if (this.checking) return;
    this.checking = true;
    try {
      const { store, bus, conversations } = this.deps;
      const due = await store.conversations.dueQueueAlerts();
      if (due.length === 0) return;
      const online = (await conversations.router.takers()).map((taker) => taker.id);
      for (const conversation of due) {
        const waitingSince = conversation.queuedAt ?? conversation.createdAt;
        if (!(await store.conversations.markQueueAlerted(conversation.id, waitingSince))) continue;
        const summary = { ...(await conversations.listing(conversation)), unread: 0 };
        for (const operatorId of online) {
          bus.publish({
            kind: 'to-operator',
            operatorId,
            frame: { type: 'queue.waiting', conversation: summary, waitingSince },
          });
        }
      }
    } catch (err) {
      this.deps.log.error({ err }, 'queue alert check failed');
    } finally {
      this.checking = false;
    }
  }
}
