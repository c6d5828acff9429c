// How far each side has read a conversation: the visitor's open widget, and the highest operator marker.

import type { Db } from '../db/sqlite/connection.ts';

export interface ReadMarks {
  /** Moves the visitor's read marker forward to `seq` (never back). */
  visitorRead(conversationId: string, seq: number): Promise<void>;
  visitorReadSeq(conversationId: string): Promise<number>;
  /** The highest seq any operator has read (0 for none): the visitor's messages up to it are seen. */
  seenSeq(conversationId: string): Promise<number>;
}

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
