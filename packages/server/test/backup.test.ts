// `npm run backup`: a consistent copy of the live database while a real server keeps writing messages.

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { discard, newVisitor, say, startServer, type TestServer } from './harness.ts';

const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx');
const CLI = join(import.meta.dirname, '..', 'src', 'cli', 'backup.ts');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The command line as a user runs it: its own process, DATA_DIR from the environment. */
function backup(dataDir: string, ...args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, [CLI, ...args], { env: { ...process.env, DATA_DIR: dataDir } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

let server: TestServer;
let out: string;
beforeEach(async () => {
  server = await startServer();
  out = mkdtempSync(join(tmpdir(), 'livechat-backup-'));
});
afterEach(async () => {
  await discard(server);
  rmSync(out, { recursive: true, force: true });
});

describe('npm run backup', () => {
  it('copies the live database while messages keep arriving, with every one acknowledged before it began', async () => {
    const visitor = await (await newVisitor(server)).connect();
    const before: string[] = [];
    for (let i = 0; i < 200; i += 1) before.push((await say(visitor, `before ${i}`)).id);

    const target = join(out, 'copy.sqlite');
    const running = backup(server.dataDir, target);
    let done = false;
    void running.then(() => {
      done = true;
    });
    let during = 0;
    while (!done) {
      await say(visitor, `during ${during}`);
      during += 1;
    }
    const result = await running;
    await visitor.close();

    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`backup written to ${target} \\(\\d+\\.\\d (KB|MB)\\)`));
    // The server really was writing while the copy was taken.
    expect(during).toBeGreaterThan(0);

    const copy = new Database(target, { readonly: true });
    try {
      expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
      const ids = new Set(
        copy
          .prepare<[], { id: string }>('SELECT id FROM messages')
          .all()
          .map((row) => row.id),
      );
      expect(before.filter((id) => !ids.has(id))).toEqual([]);
    } finally {
      copy.close();
    }
    // One file to copy back on a restore: no -wal beside it.
    expect(existsSync(`${target}-wal`)).toBe(false);
  });

  it('refuses to overwrite a file unless told to, and then replaces it', async () => {
    const target = join(out, 'existing.sqlite');
    writeFileSync(target, 'keep me');
    const refused = await backup(server.dataDir, target);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${target} exists; add --force to replace it`);
    expect(readFileSync(target, 'utf8')).toBe('keep me');

    const forced = await backup(server.dataDir, target, '--force');
    expect(forced.code).toBe(0);
    const copy = new Database(target, { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    copy.close();
  });

  it('says what is wrong with the arguments or the data folder', async () => {
    const usage = await backup(server.dataDir);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run backup -- FILE [--force]');
    const empty = mkdtempSync(join(tmpdir(), 'livechat-empty-'));
    const missing = await backup(empty, join(out, 'x.sqlite'));
    rmSync(empty, { recursive: true, force: true });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no database at');
    expect(existsSync(join(out, 'x.sqlite'))).toBe(false);
  });
});
