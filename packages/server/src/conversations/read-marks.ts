// How far each side has read a conversation: the visitor's open widget, and the highest operator marker.

export interface ReadMarks {
  /** Moves the visitor's read marker forward to `seq` (never back). */
  visitorRead(conversationId: string, seq: number): Promise<void>;
  visitorReadSeq(conversationId: string): Promise<number>;
  /** The highest seq any operator has read (0 for none): the visitor's messages up to it are seen. */
  seenSeq(conversationId: string): Promise<number>;
}
