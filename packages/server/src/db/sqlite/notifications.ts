// An operator's inbox in SQLite: mention and assignment notifications, newest first, with an unread count.

import type { Notification } from '@livechat/protocol';
import type { NewNotification, NotificationRepository } from '../../mentions/notifications.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { COLUMNS, type NotificationRow, notification, notificationValues } from '../rows/notifications.ts';

export class SqliteNotificationRepository implements NotificationRepository {
  private readonly insert;
  private readonly selectById;
  private readonly selectNewest;
  private readonly countUnread;
  private readonly readOne;
  private readonly readAll;
  private readonly readTx;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO notifications (id, operator_id, kind, conversation_id, message_seq, message_id, author_name, excerpt,
         created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (operator_id, message_id) DO NOTHING`,
    );
    this.selectById = db.prepare<[string], NotificationRow>(`SELECT ${COLUMNS} FROM notifications WHERE id = ?`);
    this.selectNewest = db.prepare<[string, number], NotificationRow>(
      `SELECT ${COLUMNS} FROM notifications WHERE operator_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?`,
    );
    this.countUnread = db.prepare<[string], { n: number }>(
      'SELECT count(*) AS n FROM notifications WHERE operator_id = ? AND read_at IS NULL',
    );
    // The operator id in every update: nobody marks another operator's notifications.
    this.readOne = db.prepare<[string, string, string], { id: string }>(
      'UPDATE notifications SET read_at = ? WHERE id = ? AND operator_id = ? AND read_at IS NULL RETURNING id',
    );
    this.readAll = db.prepare<[string, string], { id: string }>(
      'UPDATE notifications SET read_at = ? WHERE operator_id = ? AND read_at IS NULL RETURNING id',
    );
    this.readTx = db.transaction((operatorId: string, ids: readonly string[]) => {
      const time = now();
      const changed: string[] = [];
      for (const id of new Set(ids)) {
        const row = this.readOne.get(time, id, operatorId);
        if (row) changed.push(row.id);
      }
      return changed;
    });
  }

  async create(input: NewNotification): Promise<Notification | null> {
    const id = newId();
    const inserted = this.insert.run(...notificationValues(id, input, now()));
    if (inserted.changes !== 1) return null;
    const row = this.selectById.get(id);
    return row ? notification(row) : null;
  }

  async list(operatorId: string, limit: number): Promise<Notification[]> {
    return this.selectNewest.all(operatorId, limit).map(notification);
  }

  async unreadCount(operatorId: string): Promise<number> {
    return this.countUnread.get(operatorId)?.n ?? 0;
  }

  async markRead(operatorId: string, ids: readonly string[] | 'all'): Promise<string[]> {
    if (ids === 'all') return this.readAll.all(now(), operatorId).map((row) => row.id);
    return this.readTx.immediate(operatorId, ids);
  }
}
