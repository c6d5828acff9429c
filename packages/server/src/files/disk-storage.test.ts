// The disk FileStorage against the shared contract, in a fresh temporary folder.

import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { DiskFileStorage } from './disk-storage.ts';
import { fileStorageContract } from './storage.contract.ts';

const root = mkdtempSync(join(tmpdir(), 'livechat-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Every file under the root, the temporary folder included, so a leftover half file counts. */
const filesKept = (): number =>
  readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).length;

fileStorageContract('DiskFileStorage', () => ({ storage: new DiskFileStorage(root), filesKept }));
