// FileStorage on the local disk under DATA_DIR/files; one node only (a shared store comes with multi-node).

import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { newId } from '../ids.ts';
import { type FileStorage, HEAD_BYTES, type StoredFile } from './storage.ts';

const HASH = /^[0-9a-f]{64}$/;

export class DiskFileStorage implements FileStorage {
  constructor(private readonly root: string) {}

  /** Two levels of folders by the hash's first characters keep each folder small. */
  private pathOf(hash: string): string {
    if (!HASH.test(hash)) throw new Error(`not a SHA-256 hash: ${hash}`);
    return join(this.root, hash.slice(0, 2), hash);
  }

  async put(bytes: Readable, check?: (head: Buffer, size: number) => Promise<void>): Promise<StoredFile> {
    const tempDir = join(this.root, 'tmp');
    await mkdir(tempDir, { recursive: true });
    // Written aside first and renamed once complete, so a reader never sees half a file.
    const temp = join(tempDir, newId());
    const digest = createHash('sha256');
    const head: Buffer[] = [];
    let headLength = 0;
    let size = 0;
    try {
      const out = createWriteStream(temp, { flags: 'wx' });
      await pipeline(
        bytes,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            digest.update(chunk);
            size += chunk.length;
            if (headLength < HEAD_BYTES) {
              head.push(chunk);
              headLength += chunk.length;
            }
            yield chunk;
          }
        },
        out,
      );
      await check?.(Buffer.concat(head).subarray(0, HEAD_BYTES), size);
      const hash = digest.digest('hex');
      const target = this.pathOf(hash);
      await mkdir(join(this.root, hash.slice(0, 2)), { recursive: true });
      await rename(temp, target);
      return { hash, size };
    } finally {
      await rm(temp, { force: true });
    }
  }

  async get(hash: string): Promise<Readable | null> {
    const path = this.pathOf(hash);
    try {
      await stat(path);
    } catch {
      return null;
    }
    return createReadStream(path);
  }

  async delete(hash: string): Promise<void> {
    await rm(this.pathOf(hash), { force: true });
  }
}
