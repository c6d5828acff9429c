// What reports are made of, read from SQLite: one line of facts per conversation of a period, in SQL any database speaks.

import type { ConversationFacts, ReportRepository } from '../../reports/repository.ts';
import type { Db } from './connection.ts';
import { conversationFacts, conversationFactsSql, type FactsRow } from '../rows/reports.ts';

/** SQLite compares ids byte by byte already. */
export const CONVERSATION_FACTS = conversationFactsSql({ from: '@from', to: '@to', idOrder: 'a.id' });

export class SqliteReportRepository implements ReportRepository {
  private readonly facts;

  constructor(db: Db) {
    this.facts = db.prepare<[{ from: string; to: string }], FactsRow>(CONVERSATION_FACTS);
  }

  async conversationFacts(from: string, to: string): Promise<ConversationFacts[]> {
    return this.facts.all({ from, to }).map(conversationFacts);
  }
}
