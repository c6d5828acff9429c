// Read markers in PostgreSQL: the visitor's on the conversation's row, the operators' on their membership rows.

import type { ReadMarks } from '../../conversations/read-marks.ts';
import type { PgDb } from './connection.ts';

export class PostgresReadMarks implements ReadMarks {
  constructor(private readonly db: PgDb) {}

  async visitorRead(conversationId: string, seq: number): Promise<void> {
    // The condition is checked again on the locked row, so a later marker from another node is never undone.
    await this.db.run('UPDATE conversations SET visitor_read_seq = $1 WHERE id = $2 AND visitor_read_seq < $1', [
      seq,
      conversationId,
    ]);
  }

  async visitorReadSeq(conversationId: string): Promise<number> {
    const row = await this.db.one<{ seq: number }>('SELECT visitor_read_seq AS seq FROM conversations WHERE id = $1', [
      conversationId,
    ]);
    return row?.seq ?? 0;
  }

  async seenSeq(conversationId: string): Promise<number> {
    const row = await this.db.one<{ seq: number | null }>(
      'SELECT max(last_read_seq) AS seq FROM conversation_members WHERE conversation_id = $1',
      [conversationId],
    );
    return row?.seq ?? 0;
  }
}
