// FileStorage in PostgreSQL (table file_bytes), which every node of a many-node setup reads alike.

import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Pool } from 'pg';
import { type FileStorage, HEAD_BYTES, type StoredFile } from '../../files/storage.ts';

const HASH = /^[0-9a-f]{64}$/;

/** How much `get` reads per query: a reader holds one slice at a time, not the whole file. */
export const SLICE_BYTES = 256 * 1024;

function mustBeHash(hash: string): string {
  if (!HASH.test(hash)) throw new Error(`not a SHA-256 hash: ${hash}`);
  return hash;
}

/** The stream's bytes, whole: a bytea goes to PostgreSQL as one value, and uploads are bounded by the site's limit. */
async function readAll(bytes: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

export class PostgresFileStorage implements FileStorage {
  constructor(private readonly pool: Pool) {}

  async put(bytes: Readable, check?: (head: Buffer, size: number) => Promise<void>): Promise<StoredFile> {
    // Nothing is written before the stream ended and the check passed, so a failure leaves no row.
    const whole = await readAll(bytes);
    await check?.(whole.subarray(0, HEAD_BYTES), whole.length);
    const hash = createHash('sha256').update(whole).digest('hex');
    // Two nodes storing the same bytes at once both succeed; the row is written once.
    await this.pool.query(
      'INSERT INTO file_bytes (hash, size, bytes) VALUES ($1, $2, $3) ON CONFLICT (hash) DO NOTHING',
      [hash, whole.length, whole],
    );
    return { hash, size: whole.length };
  }

  async get(hash: string): Promise<Readable | null> {
    const { rows } = await this.pool.query<{ size: string }>('SELECT size FROM file_bytes WHERE hash = $1', [
      mustBeHash(hash),
    ]);
    const row = rows[0];
    if (!row) return null;
    return Readable.from(this.slices(hash, Number(row.size)), { objectMode: false });
  }

  async delete(hash: string): Promise<void> {
    await this.pool.query('DELETE FROM file_bytes WHERE hash = $1', [mustBeHash(hash)]);
  }

  /** The bytes one slice per query, read as the consumer asks for them. */
  private async *slices(hash: string, size: number): AsyncGenerator<Buffer> {
    for (let offset = 0; offset < size; offset += SLICE_BYTES) {
      const { rows } = await this.pool.query<{ slice: Buffer }>(
        'SELECT substring(bytes FROM $2 FOR $3) AS slice FROM file_bytes WHERE hash = $1',
        [hash, offset + 1, SLICE_BYTES],
      );
      const slice = rows[0]?.slice;
      if (!slice) throw new Error(`the bytes of ${hash} were deleted while they were read`);
      yield slice;
    }
  }
}
