// R3: the storage's limit, a bare better-sqlite3 loop inserting message rows like the server's,
// with the same journal mode and synchronous setting, in its own process.

import { closeSync, fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { migrate } from '@livechat/server/src/db/sqlite/connection.ts';
import Database from 'better-sqlite3';
import { serve } from '../rpc.ts';
import { quantile } from '../stats.ts';

interface LoopParams {
  synchronous: 'FULL' | 'NORMAL';
  durationMs: number;
  /** Rows per transaction: 1 is one commit per message, as a server without batching does. */
  rowsPerCommit: number;
  /** Conversations the rows go to in turn (each with its own seq): 1 appends to one, as a log would. */
  conversations?: number;
}

function insertLoop({ synchronous, durationMs, rowsPerCommit, conversations = 1 }: LoopParams): {
  rows: number;
  rowsPerSecond: number;
  cpuPerRowUs: number;
} {
  const dir = mkdtempSync(join(tmpdir(), 'livechat-bench-r3-'));
  const db = new Database(join(dir, 'r3.sqlite'));
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${synchronous}`);
    db.pragma('foreign_keys = ON');
    // The server's schema as it is now, with its indexes; only the loop around it is bare.
    migrate(db);
    const time = new Date().toISOString();
    db.prepare("INSERT INTO sites (id, name, created_at) VALUES ('s', 's', ?)").run(time);
    // One visitor per conversation, as a visitor has one open conversation at a time.
    const ids = Array.from({ length: conversations }, (_, i) => `c${i}`);
    const visitor = db.prepare(
      "INSERT INTO visitors (id, site_id, token_hash, created_at, last_seen_at) VALUES (?, 's', ?, ?, ?)",
    );
    const create = db.prepare(
      "INSERT INTO conversations (id, site_id, visitor_id, created_at, updated_at) VALUES (?, 's', ?, ?, ?)",
    );
    for (const id of ids) {
      visitor.run(`v${id}`, `h${id}`, time, time);
      create.run(id, `v${id}`, time, time);
    }
    const insert = db.prepare(
      `INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, client_id, created_at)
       VALUES (?, ?, ?, 'visitor', ?, 'Visitor', ?, 'public', ?, ?)`,
    );
    const seqs = new Array<number>(conversations).fill(0);
    let rows = 0;
    const batch = db.transaction((n: number) => {
      for (let i = 0; i < n; i++) {
        const c = rows % conversations;
        rows += 1;
        seqs[c] = (seqs[c] ?? 0) + 1;
        insert.run(
          ids[c],
          seqs[c],
          `m${rows}-${'x'.repeat(16)}`,
          `v${ids[c]}`,
          `bench message ${rows} ${'y'.repeat(40)}`,
          `c${rows}`,
          new Date().toISOString(),
        );
      }
    });
    const cpu = process.cpuUsage();
    const start = performance.now();
    while (performance.now() - start < durationMs) batch.immediate(rowsPerCommit);
    const seconds = (performance.now() - start) / 1000;
    const used = process.cpuUsage(cpu);
    return { rows, rowsPerSecond: rows / seconds, cpuPerRowUs: (used.user + used.system) / rows };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

interface FsyncParams {
  /** Threads that keep a core busy meanwhile, as the load generator and the server do in a run. */
  busyThreads: number;
  iterations: number;
}

/**
 * What a commit with synchronous=FULL waits for: the latency of appending three pages to a file and
 * syncing it, with the cores idle or kept busy. The busy case shows how long a thread that slept in
 * a sync can take to run again on these cores.
 */
async function fsyncLatency({ busyThreads, iterations }: FsyncParams): Promise<{ p50: number; p99: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'livechat-bench-fsync-'));
  const spin = 'const end = Date.now() + 60_000; while (Date.now() < end) {}';
  const busy = Array.from({ length: busyThreads }, () => new Worker(spin, { eval: true }));
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const fd = openSync(join(dir, 'wal'), 'w');
    const pages = Buffer.alloc(3 * 4096, 1);
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const start = performance.now();
      writeSync(fd, pages, 0, pages.length, i * pages.length);
      fsyncSync(fd);
      times.push(performance.now() - start);
    }
    closeSync(fd);
    return { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
  } finally {
    await Promise.all(busy.map((worker) => worker.terminate()));
    rmSync(dir, { recursive: true, force: true });
  }
}

serve({
  insertLoop: (params: LoopParams) => insertLoop(params),
  fsyncLatency: (params: FsyncParams) => fsyncLatency(params),
});
