// Deletes the bytes of files that no upload names any more, once the records are gone.

import type { Store } from '../db/store.ts';
import type { FileStorage } from './storage.ts';

/**
 * Called after the transaction that removed the uploads. Each hash is asked again first: the same
 * bytes uploaded since then are another upload's, and stay. Returns how many files were deleted.
 */
export async function deleteUnnamedFiles(
  deps: { store: Store; files: FileStorage },
  hashes: readonly string[],
): Promise<number> {
  let deleted = 0;
  for (const hash of hashes) {
    if (await deps.store.uploads.hashInUse(hash)) continue;
    await deps.files.delete(hash);
    deleted += 1;
  }
  return deleted;
}
