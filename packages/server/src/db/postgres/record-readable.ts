// The conversation read rule (canRead, or mentioned: see conversations/service.ts) as a PostgreSQL
// condition, so that lists of records made from conversations are filtered in the query and their pages stay full.

import type { Reader } from '../../conversations/repository.ts';

/** Who reads, as the first two parameters of a query that uses the condition: `$1` the id, `$2` whether an admin. */
export const readerParams = (reader: Reader): [string, boolean] => [reader.id, reader.role === 'admin'];

/**
 * True when reader `$1` (an admin when `$2`) may read the conversation whose id is `column`: the same
 * rule as db/sqlite/readable-sql.ts, kept in step with canRead and mayRead in conversations/service.ts.
 */
export function conversationReadableSql(column: string): string {
  return `($2::boolean OR EXISTS (SELECT 1 FROM conversations rc WHERE rc.id = ${column} AND (
    EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.operator_id = $1 AND rm.active)
    OR (rc.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.active)
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id
        AND rm.operator_id = $1 AND rm.left_at IS NOT NULL))
    OR EXISTS (SELECT 1 FROM conversation_mentions mm WHERE mm.conversation_id = rc.id AND mm.operator_id = $1))))`;
}

/** A record made from a conversation follows its rule; one made without a conversation is everyone's. */
export function recordReadableSql(conversationColumn: string): string {
  return `(${conversationColumn} IS NULL OR ${conversationReadableSql(conversationColumn)})`;
}
