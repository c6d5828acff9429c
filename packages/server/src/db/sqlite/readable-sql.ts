// The conversation read rule (canRead, or mentioned: see conversations/service.ts) as an SQLite condition, so that
// lists of records made from conversations are filtered in the query and their pages stay full.

import type { Reader } from '../../conversations/repository.ts';

/** Who reads: the operator's id and whether they are an admin, as named parameters of the query. */
export interface ReaderParams {
  readerId: string;
  readerIsAdmin: 0 | 1;
}

export const readerParams = (reader: Reader): ReaderParams => ({
  readerId: reader.id,
  readerIsAdmin: reader.role === 'admin' ? 1 : 0,
});

/**
 * True when @readerId may read the conversation whose id is `column`: kept in step with canRead and
 * mayRead in conversations/service.ts (test/privacy-read-rule.test.ts checks both agree).
 */
export function conversationReadableSql(column: string): string {
  return `(@readerIsAdmin = 1 OR EXISTS (SELECT 1 FROM conversations rc WHERE rc.id = ${column} AND (
    EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.operator_id = @readerId AND rm.active = 1)
    OR (rc.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.active = 1)
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id
        AND rm.operator_id = @readerId AND rm.left_at IS NOT NULL))
    OR EXISTS (SELECT 1 FROM conversation_mentions mm WHERE mm.conversation_id = rc.id AND mm.operator_id = @readerId))))`;
}

/** A record made from a conversation follows its rule; one made without a conversation is everyone's. */
export function recordReadableSql(conversationColumn: string): string {
  return `(${conversationColumn} IS NULL OR ${conversationReadableSql(conversationColumn)})`;
}
