// One build at a time, and a lock left by a build that died does not block the next one.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { acquireBuildLock } from './lock.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'livechat-lock-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('refuses a second build while the first holds the lock, then lets it in', () => {
  const path = join(dir, '.build-lock');
  const release = acquireBuildLock(path);
  expect(typeof release).toBe('function');
  writeFileSync(path, String(process.ppid));
  expect(acquireBuildLock(path)).toBe(`another build is running (process ${process.ppid})`);
  if (typeof release === 'function') release();
  expect(typeof acquireBuildLock(path)).toBe('function');
});

it('takes over a lock whose process is gone', () => {
  const path = join(dir, '.build-lock');
  // Far above any pid the system hands out.
  writeFileSync(path, '2147483646');
  expect(typeof acquireBuildLock(path)).toBe('function');
});
