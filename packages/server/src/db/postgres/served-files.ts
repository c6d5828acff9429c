// Which attached file a request may fetch, in PostgreSQL: one query each, with the message's visibility or
// the read rule in it.

import type { Reader } from '../../conversations/repository.ts';
import type { ServedFile, ServedFileRepository } from '../../files/served-files.ts';
import type { PgDb } from './connection.ts';

const COLUMNS = 'u.id, u.hash, u.name, u.size, u.mime, u.kind';
// The message must still exist: erased or deleted ones take their files' right to be served with them.
const ATTACHED = `FROM uploads u JOIN messages m ON m.conversation_id = u.conversation_id AND m.id = u.message_id
  WHERE u.id = $1`;

/**
 * True when operator $2 (an admin when $3) may read the conversation of the upload: the rule of canRead
 * and mayRead in conversations/service.ts, as db/sqlite/readable-sql.ts writes it for SQLite.
 */
const READABLE = `($3 OR EXISTS (SELECT 1 FROM conversations rc WHERE rc.id = u.conversation_id AND (
    EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.operator_id = $2 AND rm.active)
    OR (rc.status = 'open'
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id AND rm.active)
      AND NOT EXISTS (SELECT 1 FROM conversation_members rm WHERE rm.conversation_id = rc.id
        AND rm.operator_id = $2 AND rm.left_at IS NOT NULL))
    OR EXISTS (SELECT 1 FROM conversation_mentions mm WHERE mm.conversation_id = rc.id AND mm.operator_id = $2))))`;

export class PostgresServedFileRepository implements ServedFileRepository {
  constructor(private readonly db: PgDb) {}

  async ofPublicMessage(attachmentId: string): Promise<ServedFile | null> {
    const row = await this.db.one<ServedFile>(`SELECT ${COLUMNS} ${ATTACHED} AND m.visibility = 'public'`, [
      attachmentId,
    ]);
    return row ?? null;
  }

  async readableBy(reader: Reader, attachmentId: string): Promise<ServedFile | null> {
    const row = await this.db.one<ServedFile>(`SELECT ${COLUMNS} ${ATTACHED} AND ${READABLE}`, [
      attachmentId,
      reader.id,
      reader.role === 'admin',
    ]);
    return row ?? null;
  }
}
