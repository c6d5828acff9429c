// What reports are made of, read from PostgreSQL: one line of facts per conversation of a period.

import type { ConversationFacts, ReportRepository } from '../../reports/repository.ts';
import type { PgDb } from './connection.ts';
import { conversationFacts, conversationFactsSql, type FactsRow } from '../rows/reports.ts';

// Ids compare byte by byte (COLLATE "C"), as SQLite compares them, whatever the database's locale.
const CONVERSATION_FACTS = conversationFactsSql({ from: '$1', to: '$2', idOrder: 'a.id COLLATE "C"' });

export class PostgresReportRepository implements ReportRepository {
  constructor(private readonly db: PgDb) {}

  async conversationFacts(from: string, to: string): Promise<ConversationFacts[]> {
    const rows = await this.db.query<FactsRow>(CONVERSATION_FACTS, [from, to]);
    return rows.map(conversationFacts);
  }
}
