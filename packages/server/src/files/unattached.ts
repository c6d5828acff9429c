// Removes uploads that no message took within a day, and their bytes when nothing else names them; one pass at a time across nodes.

import type { FastifyBaseLogger } from 'fastify';
import type { Store } from '../db/store.ts';
import type { FileStorage } from './storage.ts';

/** How long an upload waits for its message. */
export const UNATTACHED_KEPT_MS = 24 * 3600 * 1000;

export class UnattachedUploads {
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly deps: { store: Store; files: FileStorage; log: FastifyBaseLogger },
    everyMs: number,
  ) {
    this.timer = setInterval(
      () => void this.run().catch((err) => deps.log.error({ err }, 'upload sweep failed')),
      everyMs,
    );
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** One pass; returns how many files' bytes were deleted (none when another node's pass runs). */
  async run(at: Date = new Date()): Promise<number> {
    const cutoff = new Date(at.getTime() - UNATTACHED_KEPT_MS).toISOString();
    let hashes: string[] = [];
    await this.deps.store.jobs.once('unattached-uploads', async () => {
      hashes = await this.deps.store.uploads.removeUnattachedBefore(cutoff);
    });
    // The records go first: bytes whose deletion fails are orphans, never a record without its file.
    for (const hash of hashes) await this.deps.files.delete(hash);
    return hashes.length;
  }
}
