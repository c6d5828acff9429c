// What reports are made of, read from SQLite: one line of facts per conversation of a period, in SQL any database speaks.

import type { ConversationFacts, ReportRepository } from '../../reports/repository.ts';
import type { Db } from './connection.ts';
import { conversationFacts, type FactsRow } from '../rows/reports.ts';

// Only public operator messages answer: system lines ("Alice joined") and notes are nothing the visitor saw.
// A UNION rather than an OR, so each half reads its own index.
export const CONVERSATION_FACTS = `
  WITH period AS (
    SELECT id FROM conversations WHERE created_at >= @from AND created_at < @to
    UNION
    SELECT id FROM conversations WHERE closed_at >= @from AND closed_at < @to
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
  ORDER BY a.created_at, a.id`;

export class SqliteReportRepository implements ReportRepository {
  private readonly facts;

  constructor(db: Db) {
    this.facts = db.prepare<[{ from: string; to: string }], FactsRow>(CONVERSATION_FACTS);
  }

  async conversationFacts(from: string, to: string): Promise<ConversationFacts[]> {
    return this.facts.all({ from, to }).map(conversationFacts);
  }
}
