// Inbox search over 1,000,000 messages in 100,000 conversations, through the real route of a real
// server, as an admin (every conversation) and as an operator (their own and the queue). Between the
// seed and the searches the server is left quiet until its own index merges are done (a few
// seconds; a minute at most), as a real one is many times over the months a million messages take.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SearchResultPage } from '@livechat/protocol';
import { buildApp } from '@livechat/server/src/app.ts';
import { testConfig } from '@livechat/server/src/config.ts';
import type { Db } from '@livechat/server/src/db/sqlite/connection.ts';
import { hashPassword } from '@livechat/server/src/operators/passwords.ts';
import { type LatencySummary, summarise } from '../stats.ts';

export interface SearchSizes {
  messages: number;
  conversations: number;
  /** Searches timed per role, over the query mix. */
  runs: number;
}

export interface SearchFigures {
  messages: number;
  conversations: number;
  seedSeconds: number;
  /** The index's segments after the seed, and after the quiet time that follows it. */
  segments: { seeded: number; merged: number };
  /** How long the server's quiet merges took after the seed, before any search was timed. */
  quietMergeSeconds: number;
  admin: LatencySummary;
  operator: LatencySummary;
  /** Second pages (through the cursor), both roles together. */
  nextPage: LatencySummary;
  /** Results per query on the admin's first page: a query that finds nothing measures little. */
  resultsPerQuery: Record<string, number>;
}

// Common words of a shop's chats, and rarer ones: some queries match a tenth of all messages,
// some a few hundred.
const COMMON = ['order', 'delivery', 'refund', 'lamp', 'thanks', 'hello', 'please', 'invoice', 'broken', 'colour'];
const RARE = ['aurora', 'borealis', 'pendant', 'dimmer', 'warranty', 'flicker', 'garden', 'comet', 'socket', 'shade'];
const SYLLABLES = ['ka', 'lo', 'mi', 'ne', 'ru', 'sa', 'ti', 'vo', 'ze', 'pu', 'gra', 'shi', 'bel', 'dor', 'fen'];
const FILLER = Array.from({ length: 3000 }, (_, i) => {
  const a = SYLLABLES[i % SYLLABLES.length] as string;
  const b = SYLLABLES[Math.floor(i / SYLLABLES.length) % SYLLABLES.length] as string;
  const c = SYLLABLES[Math.floor(i / SYLLABLES.length ** 2) % SYLLABLES.length] as string;
  return `${a}${b}${c}`;
});

/** A deterministic pseudo-random sequence, so that every run searches the same data. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function body(next: () => number): string {
  const words: string[] = [];
  const length = 6 + Math.floor(next() * 14);
  for (let i = 0; i < length; i++) {
    const roll = next();
    if (roll < 0.08) words.push(COMMON[Math.floor(next() * COMMON.length)] as string);
    else if (roll < 0.085) words.push(RARE[Math.floor(next() * RARE.length)] as string);
    // Filler words with a skewed frequency, as in real text.
    else words.push(FILLER[Math.floor(next() ** 3 * FILLER.length)] as string);
  }
  return words.join(' ');
}

/**
 * Straight through SQL in large transactions, with the server's own triggers filling the index as
 * they do for every message. Messages go round the conversations in time order, so that the newest
 * hits are spread over many conversations. Nine conversations in ten are closed.
 */
function seed(db: Db, sizes: SearchSizes, operatorIds: { admin: string; operator: string }): void {
  const next = random(42);
  const insertVisitor = db.prepare(
    `INSERT INTO visitors (id, site_id, token_hash, name, email, created_at, last_seen_at)
     VALUES (?, 'bench', ?, ?, ?, ?, ?)`,
  );
  const insertConversation = db.prepare(
    `INSERT INTO conversations (id, site_id, visitor_id, status, assigned_operator_id, created_at, updated_at)
     VALUES (?, 'bench', ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare(
    'INSERT INTO conversation_members (conversation_id, operator_id, joined_at, active) VALUES (?, ?, ?, ?)',
  );
  const insertMessage = db.prepare(
    `INSERT INTO messages (conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const start = Date.parse('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(start + ms).toISOString();
  const conversationId = (i: number) => `bench-c-${i}`;
  db.transaction(() => {
    for (let i = 0; i < sizes.conversations; i++) {
      const visitorId = `bench-v-${i}`;
      const named = i % 3 === 0;
      insertVisitor.run(
        visitorId,
        `bench-token-${i}`,
        named ? `Visitor ${FILLER[i % FILLER.length]} ${i}` : null,
        named ? `visitor${i}@example.org` : null,
        at(i),
        at(i),
      );
      // The operator is in 50 open conversations and was in 500 closed ones; 100 wait in the queue;
      // the admin has the rest, one in ten of them open.
      const theirsOpen = i % 20 === 0 && i < 50 * 20;
      const theirsClosed = i % 20 === 5 && i < 500 * 20;
      const queued = i % 1000 === 500;
      const open = theirsOpen || queued || (!theirsClosed && i % 10 === 0);
      const assignee = queued ? null : theirsOpen || theirsClosed ? operatorIds.operator : operatorIds.admin;
      insertConversation.run(conversationId(i), visitorId, open ? 'open' : 'closed', assignee, at(i), at(i));
      if (assignee) insertMember.run(conversationId(i), assignee, at(i), theirsClosed ? 0 : 1);
    }
  })();
  const seqs = new Uint32Array(sizes.conversations);
  const batch = 50_000;
  for (let from = 0; from < sizes.messages; from += batch) {
    db.transaction(() => {
      for (let m = from; m < Math.min(from + batch, sizes.messages); m++) {
        const c = Math.floor(next() * sizes.conversations);
        seqs[c] = (seqs[c] ?? 0) + 1;
        const fromVisitor = next() < 0.5;
        const note = !fromVisitor && next() < 0.2;
        insertMessage.run(
          conversationId(c),
          seqs[c],
          `bench-m-${m}`,
          fromVisitor ? 'visitor' : 'operator',
          fromVisitor ? `bench-v-${c}` : operatorIds.admin,
          fromVisitor ? 'Visitor' : 'Admin',
          body(next),
          note ? 'operator' : 'public',
          at(sizes.conversations + m * 10),
        );
      }
    })();
  }
}

/** A quiet spell longer than this is not what a busy server gets: the searches start anyway. */
const QUIET_LIMIT_MS = 60_000;

const QUERIES = [
  'refund',
  'aurora',
  'lamp broken',
  'deliv',
  'ord',
  'warranty dimmer',
  'kalomi',
  'Visitor',
  'visitor12345@example.org',
  'Flicker!',
  '"pendant" OR garden',
  'nothing-here-zzz',
  'colour col:x',
  'thanks please',
];

async function timedSearch(url: string, cookie: string, q: string, cursor?: string) {
  const params = new URLSearchParams({ q, ...(cursor ? { cursor } : {}) });
  const started = performance.now();
  const response = await fetch(`${url}/api/operator/search?${params}`, { headers: { cookie } });
  const page = (await response.json()) as SearchResultPage;
  const ms = performance.now() - started;
  if (response.status !== 200) throw new Error(`search "${q}" answered ${response.status}: ${JSON.stringify(page)}`);
  return { ms, page };
}

export async function benchSearch(
  sizes: SearchSizes = { messages: 1_000_000, conversations: 100_000, runs: 300 },
): Promise<SearchFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-bench-search-'));
  const app = await buildApp(testConfig({ dataDir }));
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const url = `http://127.0.0.1:${address.port}`;
    const { store } = app;
    await store.sites.save({ id: 'bench', name: 'Bench', allowedOrigins: ['http://bench.test'] });
    const passwordHash = await hashPassword('bench-password');
    const admin = await store.operators.create({
      name: 'Admin',
      email: 'admin@example.com',
      passwordHash,
      role: 'admin',
      notify: 'inbox',
    });
    const operator = await store.operators.create({
      name: 'Operator',
      email: 'operator@example.com',
      passwordHash,
      role: 'operator',
      notify: 'inbox',
    });
    const seedStarted = performance.now();
    seed(app.db, sizes, { admin: admin.id, operator: operator.id });
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    console.log(
      `  seeded ${sizes.messages.toLocaleString('en')} messages in ${sizes.conversations.toLocaleString('en')} conversations in ${seedSeconds.toFixed(1)} s`,
    );
    // A real server takes months to write a million messages and is quiet many times meanwhile; here
    // it gets one quiet spell after the seed, as long as its own merges take, before any search.
    const seeded = store.searchIndex.segments();
    const quietStarted = performance.now();
    while (!app.searchMerge.settled && performance.now() - quietStarted < QUIET_LIMIT_MS)
      await new Promise((resolve) => setTimeout(resolve, 100));
    const quietMergeSeconds = (performance.now() - quietStarted) / 1000;
    const segments = { seeded, merged: store.searchIndex.segments() };
    console.log(
      `  quiet merges: ${segments.seeded} segments → ${segments.merged} in ${quietMergeSeconds.toFixed(1)} s (${app.searchMerge.steps} steps)`,
    );

    const cookieOf = async (email: string) => {
      const login = await fetch(`${url}/api/operator/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'bench-password' }),
      });
      return (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    };
    const roles = { admin: await cookieOf(admin.email), operator: await cookieOf(operator.email) };
    const resultsPerQuery: Record<string, number> = {};
    for (const q of QUERIES) {
      resultsPerQuery[q] = (await timedSearch(url, roles.admin, q)).page.results.length;
      await timedSearch(url, roles.operator, q);
    }
    const timings = { admin: [] as number[], operator: [] as number[], nextPage: [] as number[] };
    for (let i = 0; i < sizes.runs; i++) {
      const q = QUERIES[i % QUERIES.length] as string;
      for (const role of ['admin', 'operator'] as const) {
        const first = await timedSearch(url, roles[role], q);
        timings[role].push(first.ms);
        if (first.page.nextCursor && i % 3 === 0)
          timings.nextPage.push((await timedSearch(url, roles[role], q, first.page.nextCursor)).ms);
      }
    }
    return {
      messages: sizes.messages,
      conversations: sizes.conversations,
      seedSeconds,
      segments,
      quietMergeSeconds,
      admin: summarise(timings.admin),
      operator: summarise(timings.operator),
      nextPage: summarise(timings.nextPage),
      resultsPerQuery,
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [messages, conversations] = process.argv.slice(2).map(Number);
  const figures = await benchSearch({
    messages: messages || 1_000_000,
    conversations: conversations || 100_000,
    runs: 300,
  });
  console.log(JSON.stringify(figures, null, 2));
}
