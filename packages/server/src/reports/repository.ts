// What reports are made of: one line of facts per conversation of a period.

import type { RatingValue } from '@livechat/protocol';

/** The times are ISO strings as stored; durations are worked out by the caller, not by the database. */
export interface ConversationFacts {
  id: string;
  siteId: string;
  assignedOperatorId: string | null;
  createdAt: string;
  closedAt: string | null;
  /** The visitor's first message. */
  askedAt: string | null;
  /** The first public operator message after it, whoever wrote it. */
  answeredAt: string | null;
  /** The first public message after it by the operator it is assigned to. */
  assigneeAnsweredAt: string | null;
  rating: RatingValue | null;
}

export interface ReportRepository {
  /** Conversations started in [from, to), and those closed in it. */
  conversationFacts(from: string, to: string): Promise<ConversationFacts[]>;
}
