// A conversation's line of report facts as both stores read it: the query, its row and the ConversationFacts it stands for.

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

/**
 * One line of facts per conversation created or closed in [from, to), oldest first. Each store names
 * its own parameters, and says how ids compare where two conversations began at the same time. Only
 * public operator messages answer: system lines ("Alice joined") and notes are nothing the visitor saw.
 * The period is a UNION rather than an OR, so that each half reads its own index.
 */
export const conversationFactsSql = ({ from, to, idOrder }: { from: string; to: string; idOrder: string }) => `
  WITH period AS (
    SELECT id FROM conversations WHERE created_at >= ${from} AND created_at < ${to}
    UNION
    SELECT id FROM conversations WHERE closed_at >= ${from} AND closed_at < ${to}
  ), asked AS (
    SELECT c.id, c.site_id, c.assigned_operator_id, c.created_at, c.closed_at,
      (SELECT min(m.seq) FROM messages m WHERE m.conversation_id = c.id AND m.author_kind = 'visitor') AS asked_seq
    FROM conversations c JOIN period p ON p.id = c.id
  )
  SELECT a.id, a.site_id, a.assigned_operator_id, a.created_at, a.closed_at,
    question.created_at AS asked_at,
    (SELECT m.created_at FROM messages m
      WHERE m.conversation_id = a.id AND m.seq > a.asked_seq AND m.author_kind = 'operator' AND m.visibility = 'public'
      ORDER BY m.seq LIMIT 1) AS answered_at,
    (SELECT m.created_at FROM messages m
      WHERE m.conversation_id = a.id AND m.seq > a.asked_seq AND m.author_kind = 'operator' AND m.visibility = 'public'
        AND m.author_id = a.assigned_operator_id
      ORDER BY m.seq LIMIT 1) AS assignee_answered_at,
    r.value AS rating
  FROM asked a
  LEFT JOIN messages question ON question.conversation_id = a.id AND question.seq = a.asked_seq
  LEFT JOIN conversation_ratings r ON r.conversation_id = a.id
  ORDER BY a.created_at, ${idOrder}`;
