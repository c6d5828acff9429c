// The seam for files' bytes: stored once per content hash, so that several nodes can share one store.

import type { Readable } from 'node:stream';

/** A file written to the store: its SHA-256 (hex) and its length. */
export interface StoredFile {
  hash: string;
  size: number;
}

export interface FileStorage {
  /**
   * Writes the stream's bytes and names them by their hash. Nothing is kept when the stream fails or
   * when `check` (given the first bytes and the length) throws: the caller's refusal leaves no file.
   */
  put(bytes: Readable, check?: (head: Buffer, size: number) => Promise<void>): Promise<StoredFile>;
  /** The bytes of a hash, or null when none are stored. */
  get(hash: string): Promise<Readable | null>;
  delete(hash: string): Promise<void>;
}

/** Bytes read ahead for telling a file's kind (file-type needs a few KB at most). */
export const HEAD_BYTES = 4100;
