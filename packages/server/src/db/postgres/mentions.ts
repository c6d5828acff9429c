// Who was mentioned in which conversation, in PostgreSQL: the record that lets a mentioned operator open it.

import { now } from '../../ids.ts';
import type { MentionRepository } from '../../mentions/repository.ts';
import type { PgDb } from './connection.ts';

export class PostgresMentionRepository implements MentionRepository {
  constructor(private readonly db: PgDb) {}

  async record(conversationId: string, operatorId: string, messageId: string): Promise<void> {
    // Two nodes recording the same mention at once: the primary key keeps the first, the other does nothing.
    await this.db.run(
      `INSERT INTO conversation_mentions (conversation_id, operator_id, first_message_id, mentioned_at)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [conversationId, operatorId, messageId, now()],
    );
  }

  async isMentioned(conversationId: string, operatorId: string): Promise<boolean> {
    const row = await this.db.one(
      'SELECT 1 AS found FROM conversation_mentions WHERE conversation_id = $1 AND operator_id = $2',
      [conversationId, operatorId],
    );
    return row !== undefined;
  }
}
