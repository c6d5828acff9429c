// What reports are made of, read from PostgreSQL: one line of facts per conversation of a period.

import type { ConversationFacts, ReportRepository } from '../../reports/repository.ts';
import type { PgDb } from './connection.ts';
import { conversationFacts, type FactsRow } from '../rows/reports.ts';

// As db/sqlite/reports.ts: only public operator messages answer, and the period is a UNION so that each
// half reads its own index. Times come back as ISO strings, so report.ts works out the same durations;
// ids compare byte by byte (COLLATE "C"), as SQLite compares them, whatever the database's locale.
const CONVERSATION_FACTS = `
  WITH period AS (
    SELECT id FROM conversations WHERE created_at >= $1 AND created_at < $2
    UNION
    SELECT id FROM conversations WHERE closed_at >= $1 AND closed_at < $2
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
  ORDER BY a.created_at, a.id COLLATE "C"`;

export class PostgresReportRepository implements ReportRepository {
  constructor(private readonly db: PgDb) {}

  async conversationFacts(from: string, to: string): Promise<ConversationFacts[]> {
    const rows = await this.db.query<FactsRow>(CONVERSATION_FACTS, [from, to]);
    return rows.map(conversationFacts);
  }
}
