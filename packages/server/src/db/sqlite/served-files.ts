// Which attached file a request may fetch, in SQLite: one query each, with the message's visibility or
// the read rule in it.

import type { Reader } from '../../conversations/repository.ts';
import type { ServedFile, ServedFileRepository } from '../../files/served-files.ts';
import type { Db } from './connection.ts';
import { conversationReadableSql, readerParams } from './readable-sql.ts';

const COLUMNS = 'u.id, u.hash, u.name, u.size, u.mime, u.kind';
// The message must still exist: erased or deleted ones take their files' right to be served with them.
const ATTACHED = `FROM uploads u JOIN messages m ON m.conversation_id = u.conversation_id AND m.id = u.message_id
  WHERE u.id = @id`;

export class SqliteServedFileRepository implements ServedFileRepository {
  private readonly selectPublic;
  private readonly selectReadable;

  constructor(db: Db) {
    this.selectPublic = db.prepare<{ id: string }, ServedFile>(
      `SELECT ${COLUMNS} ${ATTACHED} AND m.visibility = 'public'`,
    );
    this.selectReadable = db.prepare<{ id: string; readerId: string; readerIsAdmin: 0 | 1 }, ServedFile>(
      `SELECT ${COLUMNS} ${ATTACHED} AND ${conversationReadableSql('u.conversation_id')}`,
    );
  }

  async ofPublicMessage(attachmentId: string): Promise<ServedFile | null> {
    return this.selectPublic.get({ id: attachmentId }) ?? null;
  }

  async readableBy(reader: Reader, attachmentId: string): Promise<ServedFile | null> {
    return this.selectReadable.get({ id: attachmentId, ...readerParams(reader) }) ?? null;
  }
}
