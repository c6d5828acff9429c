// The uploads table in PostgreSQL: who uploaded which file, under what name, and (later) which message carries it.

import type { NewUpload, Upload, UploadRepository } from '../../files/repository.ts';
import { newId, now } from '../../ids.ts';
import type { PgDb } from './connection.ts';
import { type UploadRow, upload } from '../rows/uploads.ts';

const COLUMNS = `id, site_id, hash, name, size, mime, kind, owner_visitor_id, owner_operator_id, message_id, created_at,
  width, height`;

const hashes = (rows: ReadonlyArray<{ hash: string }>): string[] => rows.map((row) => row.hash);

export class PostgresUploadRepository implements UploadRepository {
  constructor(private readonly db: PgDb) {}

  async create(input: NewUpload): Promise<Upload> {
    const id = newId();
    const createdAt = now();
    const { owner } = input;
    await this.db.run(
      `INSERT INTO uploads (id, site_id, hash, name, size, mime, kind, owner_visitor_id, owner_operator_id, created_at,
         width, height)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        id,
        owner.kind === 'visitor' ? owner.siteId : null,
        input.hash,
        input.name,
        input.size,
        input.mime,
        input.kind,
        owner.kind === 'visitor' ? owner.visitorId : null,
        owner.kind === 'operator' ? owner.operatorId : null,
        createdAt,
        input.width ?? null,
        input.height ?? null,
      ],
    );
    return { id, ...input, messageId: null, createdAt };
  }

  async byId(id: string): Promise<Upload | null> {
    const row = await this.db.one<UploadRow>(`SELECT ${COLUMNS} FROM uploads WHERE id = $1`, [id]);
    return row ? upload(row) : null;
  }

  async hashInUse(hash: string): Promise<boolean> {
    return (await this.db.one('SELECT 1 FROM uploads WHERE hash = $1 LIMIT 1', [hash])) !== undefined;
  }

  async removeUnattachedBefore(cutoff: string): Promise<string[]> {
    return this.db.transaction(async () => {
      const removed = await this.db.query<{ hash: string }>(
        'DELETE FROM uploads WHERE message_id IS NULL AND created_at < $1 RETURNING hash',
        [cutoff],
      );
      return this.unnamed(hashes(removed));
    });
  }

  /*
   * For erase and retention, inside their transaction: each removes rows and returns the hashes they
   * named; `unnamed` then tells which bytes no upload names any more, to delete once it is committed.
   * The file routes check `hashInUse` again before deleting bytes, since an upload of the same bytes
   * may be committed by another node after this transaction looked.
   */

  /** Removes every upload of the visitor, attached to a message or not. */
  async removeVisitorUploads(visitorId: string): Promise<string[]> {
    return hashes(await this.db.query('DELETE FROM uploads WHERE owner_visitor_id = $1 RETURNING hash', [visitorId]));
  }

  /** Removes the files of these conversations' messages, the operators' ones included. */
  async removeConversationUploads(conversationIds: readonly string[]): Promise<string[]> {
    return hashes(
      await this.db.query('DELETE FROM uploads WHERE conversation_id = ANY($1::text[]) RETURNING hash', [
        conversationIds,
      ]),
    );
  }

  /** Of these hashes, the ones no upload names, each once. */
  async unnamed(candidates: Iterable<string>): Promise<string[]> {
    const distinct = [...new Set(candidates)];
    if (distinct.length === 0) return [];
    const rows = await this.db.query<{ hash: string }>(
      `SELECT h.hash FROM unnest($1::text[]) WITH ORDINALITY AS h (hash, n)
       WHERE NOT EXISTS (SELECT 1 FROM uploads u WHERE u.hash = h.hash) ORDER BY h.n`,
      [distinct],
    );
    return hashes(rows);
  }
}
