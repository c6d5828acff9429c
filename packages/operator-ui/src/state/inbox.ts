// The operator's notifications (mentions) and unread count, as the server reports them.

import { batch, signal } from '@preact/signals';
import type { Notification } from '@livechat/protocol';

/** How many notifications the inbox panel keeps. */
const INBOX_LIMIT = 100;

export class Inbox {
  /** Newest first. */
  readonly notifications = signal<readonly Notification[]>([]);
  readonly unread = signal(0);
  readonly loaded = signal(false);

  set(notifications: readonly Notification[], unread: number): void {
    batch(() => {
      this.notifications.value = notifications.slice(0, INBOX_LIMIT);
      this.unread.value = Math.max(0, unread);
      this.loaded.value = true;
    });
  }

  add(notification: Notification, unread: number): void {
    batch(() => {
      const others = this.notifications.value.filter((known) => known.id !== notification.id);
      this.notifications.value = [notification, ...others].slice(0, INBOX_LIMIT);
      this.unread.value = Math.max(0, unread);
    });
  }

  /** `ids` empty with a count of 0 means everything was read. */
  markRead(ids: readonly string[], unread: number, now = new Date()): void {
    const readAt = now.toISOString();
    const all = unread === 0;
    const read = new Set(ids);
    batch(() => {
      this.notifications.value = this.notifications.value.map((notification) =>
        notification.readAt === null && (all || read.has(notification.id)) ? { ...notification, readAt } : notification,
      );
      this.unread.value = Math.max(0, unread);
    });
  }

  reset(): void {
    batch(() => {
      this.notifications.value = [];
      this.unread.value = 0;
      this.loaded.value = false;
    });
  }
}
