// The uploads table: who uploaded which file, under what name, and (later) which message carries it.

import type { NewUpload, Upload, UploadRepository } from '../../files/repository.ts';
import { newId, now } from '../../ids.ts';
import type { Db } from './connection.ts';
import { type UploadRow, upload } from '../rows/uploads.ts';

export class SqliteUploadRepository implements UploadRepository {
  private readonly insert;
  private readonly select;
  private readonly selectHash;
  private readonly removeUnattached;
  private readonly removeOfVisitor;
  private readonly removeOfConversation;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(
      `INSERT INTO uploads (id, site_id, hash, name, size, mime, kind, owner_visitor_id, owner_operator_id, created_at,
         width, height)
       VALUES (@id, @siteId, @hash, @name, @size, @mime, @kind, @visitorId, @operatorId, @createdAt, @width, @height)`,
    );
    this.select = db.prepare<[string], UploadRow>('SELECT * FROM uploads WHERE id = ?');
    this.removeUnattached = db.prepare<[string], { hash: string }>(
      'DELETE FROM uploads WHERE message_id IS NULL AND created_at < ? RETURNING hash',
    );
    this.selectHash = db.prepare<[string], { found: number }>('SELECT 1 AS found FROM uploads WHERE hash = ? LIMIT 1');
    this.removeOfVisitor = db.prepare<[string], { hash: string }>(
      'DELETE FROM uploads WHERE owner_visitor_id = ? RETURNING hash',
    );
    this.removeOfConversation = db.prepare<[string], { hash: string }>(
      'DELETE FROM uploads WHERE conversation_id = ? RETURNING hash',
    );
  }

  async create(input: NewUpload): Promise<Upload> {
    const id = newId();
    const createdAt = now();
    const { owner } = input;
    this.insert.run({
      id,
      siteId: owner.kind === 'visitor' ? owner.siteId : null,
      hash: input.hash,
      name: input.name,
      size: input.size,
      mime: input.mime,
      kind: input.kind,
      visitorId: owner.kind === 'visitor' ? owner.visitorId : null,
      operatorId: owner.kind === 'operator' ? owner.operatorId : null,
      createdAt,
      width: input.width ?? null,
      height: input.height ?? null,
    });
    return { id, ...input, messageId: null, createdAt };
  }

  async byId(id: string): Promise<Upload | null> {
    const row = this.select.get(id);
    return row ? upload(row) : null;
  }

  async hashInUse(hash: string): Promise<boolean> {
    return this.selectHash.get(hash) !== undefined;
  }

  async removeUnattachedBefore(cutoff: string): Promise<string[]> {
    // One transaction: an upload of the same bytes made meanwhile keeps them.
    return this.db.transaction(() => {
      const hashes = new Set(this.removeUnattached.all(cutoff).map((row) => row.hash));
      return [...hashes].filter((hash) => this.selectHash.get(hash) === undefined);
    })();
  }

  /*
   * For erase and retention, inside their transaction (better-sqlite3 runs it synchronously on this
   * connection): each removes rows and returns the hashes they named; `unnamed` then tells which
   * bytes no upload names any more, to delete once the transaction is committed.
   */

  /** Removes every upload of the visitor, attached to a message or not. */
  removeVisitorUploads(visitorId: string): string[] {
    return this.removeOfVisitor.all(visitorId).map((row) => row.hash);
  }

  /** Removes the files of the conversation's messages, the operators' ones included. */
  removeConversationUploads(conversationId: string): string[] {
    return this.removeOfConversation.all(conversationId).map((row) => row.hash);
  }

  /** Of these hashes, the ones no upload names, each once. */
  unnamed(hashes: Iterable<string>): string[] {
    return [...new Set(hashes)].filter((hash) => this.selectHash.get(hash) === undefined);
  }
}
