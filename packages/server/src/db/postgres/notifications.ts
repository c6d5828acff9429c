// An operator's inbox in PostgreSQL: mention and assignment notifications, newest first, with an unread count.

import type { Notification } from '@livechat/protocol';
import { newId, now } from '../../ids.ts';
import type { NewNotification, NotificationRepository } from '../../mentions/notifications.ts';
import type { PgDb } from './connection.ts';
import { COLUMNS, type NotificationRow, notification, notificationValues } from '../rows/notifications.ts';

export class PostgresNotificationRepository implements NotificationRepository {
  constructor(private readonly db: PgDb) {}

  async create(input: NewNotification): Promise<Notification | null> {
    // Two nodes notifying one operator of one message: the unique index lets one row in, the other gets none back.
    const row = await this.db.one<NotificationRow>(
      `INSERT INTO notifications (id, operator_id, kind, conversation_id, message_seq, message_id, author_name, excerpt,
         created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (operator_id, message_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      notificationValues(newId(), input, now()),
    );
    return row ? notification(row) : null;
  }

  async list(operatorId: string, limit: number): Promise<Notification[]> {
    const rows = await this.db.query<NotificationRow>(
      `SELECT ${COLUMNS} FROM notifications WHERE operator_id = $1 ORDER BY created_at DESC, position DESC LIMIT $2`,
      [operatorId, limit],
    );
    return rows.map(notification);
  }

  async unreadCount(operatorId: string): Promise<number> {
    const row = await this.db.one<{ n: number }>(
      'SELECT count(*) AS n FROM notifications WHERE operator_id = $1 AND read_at IS NULL',
      [operatorId],
    );
    return row?.n ?? 0;
  }

  /**
   * The operator id in the statement: nobody marks another operator's notifications. One UPDATE
   * whose row locks decide between two nodes marking the same one: only the first returns its id.
   */
  async markRead(operatorId: string, ids: readonly string[] | 'all'): Promise<string[]> {
    if (ids !== 'all' && ids.length === 0) return [];
    const rows = await this.db.query<{ id: string }>(
      `WITH changed AS (
         UPDATE notifications SET read_at = $1 WHERE operator_id = $2 AND read_at IS NULL
           AND ($3::text[] IS NULL OR id = ANY($3::text[]))
         RETURNING id, created_at, position)
       SELECT id FROM changed ORDER BY created_at, position`,
      [now(), operatorId, ids === 'all' ? null : ids],
    );
    const changed = rows.map((row) => row.id);
    if (ids === 'all') return changed;
    // In the order asked for, as one update after another would have changed them.
    const asked = [...new Set(ids)];
    return changed.sort((a, b) => asked.indexOf(a) - asked.indexOf(b));
  }
}
