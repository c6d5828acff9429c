// A notification as both stores read it: its row, the columns selected for it and the Notification it stands for.

import type { Notification } from '@livechat/protocol';
import type { NewNotification } from '../../mentions/notifications.ts';

export interface NotificationRow {
  id: string;
  kind: Notification['kind'];
  conversation_id: string;
  message_id: string;
  author_name: string;
  excerpt: string;
  created_at: string;
  read_at: string | null;
}

export const COLUMNS = 'id, kind, conversation_id, message_id, author_name, excerpt, created_at, read_at';

export const notification = (row: NotificationRow): Notification => ({
  id: row.id,
  kind: row.kind,
  conversationId: row.conversation_id,
  messageId: row.message_id,
  authorName: row.author_name,
  excerpt: row.excerpt,
  createdAt: row.created_at,
  readAt: row.read_at,
});

/** A new notification's values in the order both stores insert them. */
export const notificationValues = (id: string, input: NewNotification, time: string): unknown[] => [
  id,
  input.operatorId,
  input.kind ?? 'mention',
  input.conversationId,
  input.messageSeq,
  input.messageId,
  input.authorName,
  input.excerpt,
  time,
];
