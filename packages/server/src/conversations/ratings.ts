// Visitors' ratings of their closed conversations: one per conversation, the latest kept.

import type { ConversationRating, RatingValue } from '@livechat/protocol';

export interface RatingRepository {
  /** Stores the rating, replacing an earlier one of the same conversation. */
  rate(conversationId: string, value: RatingValue, comment: string | null): Promise<ConversationRating>;
  of(conversationId: string): Promise<ConversationRating | null>;
}
