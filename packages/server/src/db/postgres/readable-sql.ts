// The conversation read rule (canRead, or mentioned: see conversations/service.ts) as a PostgreSQL condition,
// so that lists of records made from conversations are filtered in the query and their pages stay full.

import type { Reader } from '../../conversations/repository.ts';

/**
 * Where the reader sits among a query's parameters, e.g. `{ id: '$2', admin: '$3' }`: PostgreSQL numbers
 * its parameters, so the query that embeds the rule says which of its own carry the reader.
 */
export interface ReaderSlots {
  id: string;
  admin: string;
}

/** The reader as the two parameter values the slots name: their id, and whether they are an admin. */
export const readerParams = (reader: Reader): [string, boolean] => [reader.id, reader.role === 'admin'];

/**
 * True when the reader may read the conversation whose id is `column`: kept in step with canRead and
 * mayRead in conversations/service.ts, and with the SQLite rule in db/sqlite/readable-sql.ts.
 */
export function conversationReadableSql(column: string, reader: ReaderSlots): string {
  const id = `${reader.id}::text`;
  return `(${reader.admin}::boolean OR EXISTS (SELECT 1 FROM conversations rc WHERE rc.id = ${column} AND (
    EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.operator_id = ${id} AND rm.active)
    OR (rc.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.active)
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id
        AND rm.operator_id = ${id} AND rm.left_at IS NOT NULL))
    OR EXISTS (SELECT 1 FROM conversation_mentions mm WHERE mm.conversation_id = rc.id AND mm.operator_id = ${id}))))`;
}

/** A record made from a conversation follows its rule; one made without a conversation is everyone's. */
export function recordReadableSql(conversationColumn: string, reader: ReaderSlots): string {
  return `(${conversationColumn} IS NULL OR ${conversationReadableSql(conversationColumn, reader)})`;
}
