// A conversation's line of report facts as both stores read it: its row and the ConversationFacts it stands for.

import type { RatingValue } from '@livechat/protocol';
import type { ConversationFacts } from '../../reports/repository.ts';

export interface FactsRow {
  id: string;
  site_id: string;
  assigned_operator_id: string | null;
  created_at: string;
  closed_at: string | null;
  asked_at: string | null;
  answered_at: string | null;
  assignee_answered_at: string | null;
  rating: RatingValue | null;
}

export const conversationFacts = (row: FactsRow): ConversationFacts => ({
  id: row.id,
  siteId: row.site_id,
  assignedOperatorId: row.assigned_operator_id,
  createdAt: row.created_at,
  closedAt: row.closed_at,
  askedAt: row.asked_at,
  answeredAt: row.answered_at,
  assigneeAnsweredAt: row.assignee_answered_at,
  rating: row.rating,
});
