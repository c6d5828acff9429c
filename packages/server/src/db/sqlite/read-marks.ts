// Read markers in SQLite: the visitor's on the conversation's row, the operators' on their membership rows.

import type { ReadMarks } from '../../conversations/read-marks.ts';
import type { Db } from './connection.ts';

export class SqliteReadMarks implements ReadMarks {
  private readonly forward;
  private readonly selectVisitorRead;
  private readonly selectSeen;

  constructor(db: Db) {
    this.forward = db.prepare(
      'UPDATE conversations SET visitor_read_seq = max(visitor_read_seq, ?) WHERE id = ? AND visitor_read_seq < ?',
    );
    this.selectVisitorRead = db.prepare<[string], { seq: number }>(
      'SELECT visitor_read_seq AS seq FROM conversations WHERE id = ?',
    );
    this.selectSeen = db.prepare<[string], { seq: number | null }>(
      'SELECT max(last_read_seq) AS seq FROM conversation_members WHERE conversation_id = ?',
    );
  }

  async visitorRead(conversationId: string, seq: number): Promise<void> {
    this.forward.run(seq, conversationId, seq);
  }

  async visitorReadSeq(conversationId: string): Promise<number> {
    return this.selectVisitorRead.get(conversationId)?.seq ?? 0;
  }

  async seenSeq(conversationId: string): Promise<number> {
    return this.selectSeen.get(conversationId)?.seq ?? 0;
  }
}
