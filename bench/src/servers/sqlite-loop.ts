// R3: the storage's limit, a bare better-sqlite3 loop inserting message rows like the server's,
// with the same journal mode and synchronous setting, in its own process.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { serve } from '../rpc.ts';

const SCHEMA = new URL('../../../packages/server/src/db/migrations/001_init.sql', import.meta.url);

interface LoopParams {
  synchronous: 'FULL' | 'NORMAL';
  durationMs: number;
  /** Rows per transaction: 1 is one commit per message, as a server without batching does. */
  rowsPerCommit: number;
}

function insertLoop({ synchronous, durationMs, rowsPerCommit }: LoopParams): { rows: number; rowsPerSecond: number } {
  const dir = mkdtempSync(join(tmpdir(), 'livechat-bench-r3-'));
  const db = new Database(join(dir, 'r3.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    db.exec(readFileSync(SCHEMA, 'utf8'));
    const time = new Date().toISOString();
    db.prepare("INSERT INTO sites (id, name, created_at) VALUES ('s', 's', ?)").run(time);
    db.prepare(
      "INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES ('v', 's', 'h', ?, ?)",
    ).run(time, time);
    db.prepare(
      "INSERT INTO conversations (id, site_id, visitor_id, created_at, updated_at) VALUES ('c', 's', 'v', ?, ?)",
    ).run(time, time);
    const insert = db.prepare(
      `INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, client_id, created_at)
       VALUES ('c', ?, ?, 'visitor', 'v', 'Visitor', ?, 'public', ?, ?)`,
    );
    let seq = 0;
    const batch = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        seq += 1;
        insert.run(
          seq,
          `m${seq}-${'x'.repeat(16)}`,
          `bench message ${seq} ${'y'.repeat(40)}`,
          `c${seq}`,
          new Date().toISOString(),
        );
      }
    });
    const start = performance.now();
    while (performance.now() - start < durationMs) batch.immediate(rowsPerCommit);
    const seconds = (performance.now() - start) / 1000;
    return { rows: seq, rowsPerSecond: seq / seconds };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

serve({ insertLoop: (params: LoopParams) => insertLoop(params) });
