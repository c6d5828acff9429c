// Who was mentioned in which conversation, in SQLite: the record that lets a mentioned operator open it.

import type { MentionRepository } from '../../mentions/repository.ts';
import { now } from '../../ids.ts';
import type { Db } from './connection.ts';

export class SqliteMentionRepository implements MentionRepository {
  private readonly insert;
  private readonly selectOne;

  constructor(db: Db) {
    this.insert = db.prepare(
      `INSERT INTO conversation_mentions (conversation_id, operator_id, first_message_id, mentioned_at)
       VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
    );
    this.selectOne = db.prepare<[string, string], { found: number }>(
      'SELECT 1 AS found FROM conversation_mentions WHERE conversation_id = ? AND operator_id = ?',
    );
  }

  async record(conversationId: string, operatorId: string, messageId: string): Promise<void> {
    this.insert.run(conversationId, operatorId, messageId, now());
  }

  async isMentioned(conversationId: string, operatorId: string): Promise<boolean> {
    return this.selectOne.get(conversationId, operatorId) !== undefined;
  }
}
