// Visitors' ratings in PostgreSQL: one per conversation, the latest kept.

import type { ConversationRating, RatingValue } from '@livechat/protocol';
import type { RatingRepository } from '../../conversations/ratings.ts';
import { now } from '../../ids.ts';
import type { PgDb } from './connection.ts';

interface RatingRow {
  value: RatingValue;
  comment: string | null;
  created_at: string;
}

export class PostgresRatingRepository implements RatingRepository {
  constructor(private readonly db: PgDb) {}

  async rate(conversationId: string, value: RatingValue, comment: string | null): Promise<ConversationRating> {
    const createdAt = now();
    await this.db.run(
      `INSERT INTO conversation_ratings (conversation_id, value, comment, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (conversation_id) DO UPDATE SET value = excluded.value, comment = excluded.comment,
         created_at = excluded.created_at`,
      [conversationId, value, comment, createdAt],
    );
    return { value, comment, createdAt };
  }

  async of(conversationId: string): Promise<ConversationRating | null> {
    const row = await this.db.one<RatingRow>(
      'SELECT value, comment, created_at FROM conversation_ratings WHERE conversation_id = $1',
      [conversationId],
    );
    return row ? { value: row.value, comment: row.comment, createdAt: row.created_at } : null;
  }
}
