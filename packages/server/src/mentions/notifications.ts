// An operator's inbox: mention and assignment notifications, newest first, with an unread count.

import type { Notification } from '@livechat/protocol';

export interface NewNotification {
  /** `mention` unless said otherwise. */
  kind?: Notification['kind'];
  operatorId: string;
  conversationId: string;
  messageId: string;
  /** The message's seq in its conversation: what the notification's foreign key points at. */
  messageSeq: number;
  authorName: string;
  excerpt: string;
}

export interface NotificationRepository {
  /** Null when this operator was already notified of this message. */
  create(input: NewNotification): Promise<Notification | null>;
  /** The operator's notifications, newest first, at most `limit`. */
  list(operatorId: string, limit: number): Promise<Notification[]>;
  unreadCount(operatorId: string): Promise<number>;
  /** Marks the operator's own unread notifications among `ids` (or all of them) read; returns the ids it changed. */
  markRead(operatorId: string, ids: readonly string[] | 'all'): Promise<string[]>;
}
