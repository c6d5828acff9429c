// Which attached file a request may fetch, in PostgreSQL: one query each, with the message's visibility or
// the read rule in it.

import type { Reader } from '../../conversations/repository.ts';
import type { ServedFile, ServedFileRepository } from '../../files/served-files.ts';
import type { PgDb } from './connection.ts';
import { conversationReadableSql, readerParams } from './readable-sql.ts';

const COLUMNS = 'u.id, u.hash, u.name, u.size, u.mime, u.kind';
// The message must still exist: erased or deleted ones take their files' right to be served with them.
const ATTACHED = `FROM uploads u JOIN messages m ON m.conversation_id = u.conversation_id AND m.id = u.message_id
  WHERE u.id = $1`;

/** The read rule, with the reader in $2 (id) and $3 (admin). */
const READABLE = conversationReadableSql('u.conversation_id', { id: '$2', admin: '$3' });

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
      ...readerParams(reader),
    ]);
    return row ?? null;
  }
}
