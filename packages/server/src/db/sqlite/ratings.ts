// Visitors' ratings in SQLite: one per conversation, the latest kept.

import type { ConversationRating, RatingValue } from '@livechat/protocol';
import type { RatingRepository } from '../../conversations/ratings.ts';
import { now } from '../../ids.ts';
import type { Db } from './connection.ts';

interface RatingRow {
  value: RatingValue;
  comment: string | null;
  created_at: string;
}

const rating = (row: RatingRow): ConversationRating => ({
  value: row.value,
  comment: row.comment,
  createdAt: row.created_at,
});

export class SqliteRatingRepository implements RatingRepository {
  private readonly upsert;
  private readonly select;

  constructor(db: Db) {
    this.upsert = db.prepare<[string, RatingValue, string | null, string]>(
      `INSERT INTO conversation_ratings (conversation_id, value, comment, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (conversation_id) DO UPDATE SET value = excluded.value, comment = excluded.comment,
         created_at = excluded.created_at`,
    );
    this.select = db.prepare<[string], RatingRow>(
      'SELECT value, comment, created_at FROM conversation_ratings WHERE conversation_id = ?',
    );
  }

  async rate(conversationId: string, value: RatingValue, comment: string | null): Promise<ConversationRating> {
    const createdAt = now();
    this.upsert.run(conversationId, value, comment, createdAt);
    return { value, comment, createdAt };
  }

  async of(conversationId: string): Promise<ConversationRating | null> {
    const row = this.select.get(conversationId);
    return row ? rating(row) : null;
  }
}
