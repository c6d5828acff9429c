// Commands and canned filtering: /search_tickets over 100,000 tickets, /ticket with a 1,000-message
// transcript (both over a real operator socket), and one keystroke's canned filter over 10,000.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { CannedResponse, ServerToClient } from '@livechat/protocol';
import { buildApp } from '@livechat/server/src/app.ts';
import { testConfig } from '@livechat/server/src/config.ts';
import { hashPassword } from '@livechat/server/src/operators/passwords.ts';
import WebSocket from 'ws';
import { filterCanned, indexCanned } from '../../../packages/operator-ui/src/composer/canned-filter.ts';
import { type LatencySummary, summarise } from '../stats.ts';

export interface CommandFigures {
  tickets: number;
  searchTickets: LatencySummary;
  ticketTranscriptMessages: number;
  ticket: LatencySummary;
  cannedResponses: number;
  cannedKeystroke: LatencySummary;
}

const WORDS = [
  'lamp',
  'bulb',
  'switch',
  'shade',
  'cable',
  'order',
  'refund',
  'delivery',
  'invoice',
  'flicker',
  'broken',
  'aurora',
  'borealis',
  'comet',
  'garden',
  'pendant',
  'dimmer',
  'socket',
  'warranty',
  'colour',
];

function sentence(seed: number, length: number): string {
  const words: string[] = [];
  for (let i = 0; i < length; i++) words.push(WORDS[(seed * 7 + i * 13) % WORDS.length] as string);
  return words.join(' ');
}

/** Seeds tickets straight through SQL in one transaction: the setup is not what is measured. */
function seedTickets(
  db: import('@livechat/server/src/db/sqlite/connection.ts').Db,
  teamId: string,
  operatorId: string,
  count: number,
) {
  const insert = db.prepare(
    `INSERT INTO tickets (title, description, customer_name, customer_email, team_id, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 1; i <= count; i++) {
      insert.run(
        `${sentence(i, 4)} ${i}`,
        sentence(i + 3, 40),
        `Customer ${i}`,
        `customer${i}@example.org`,
        teamId,
        operatorId,
        new Date().toISOString(),
      );
    }
  })();
}

async function socketCommands(url: string, cookie: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/operator`, { headers: { origin: url, cookie } });
  const waiting = new Map<string, (frame: ServerToClient) => void>();
  socket.on('message', (data) => {
    const frame = JSON.parse(data.toString()) as ServerToClient;
    if (frame.type === 'command.result' || frame.type === 'error') {
      const id = frame.type === 'command.result' ? frame.id : frame.frameId;
      if (id) waiting.get(id)?.(frame);
    }
  });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let counter = 0;
  return {
    async run(conversationId: string, name: string, args: string): Promise<number> {
      const id = `b${++counter}`;
      const started = performance.now();
      const answered = new Promise<ServerToClient>((resolve) => waiting.set(id, resolve));
      socket.send(JSON.stringify({ type: 'command.run', id, conversationId, name, args }));
      const frame = await answered;
      waiting.delete(id);
      if (frame.type !== 'command.result' || frame.result.status !== 'ok')
        throw new Error(`/${name} failed: ${JSON.stringify(frame)}`);
      return performance.now() - started;
    },
    close: () => socket.close(),
  };
}

export async function benchCommands(
  options = { tickets: 100_000, transcript: 1_000, canned: 10_000, runs: 200 },
): Promise<CommandFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'livechat-bench-commands-'));
  const app = await buildApp(testConfig({ dataDir }));
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    if (!address || typeof address === 'string') throw new Error('no port');
    const url = `http://127.0.0.1:${address.port}`;
    const { store } = app;
    await store.sites.save({ id: 'bench', name: 'Bench', allowedOrigins: ['http://bench.test'] });
    await store.settings.saveModules({ helpdesk: true, crm: true });
    const team = await store.helpdesk.createTeam({ name: 'Support', sequence: 1, livechatEnabled: true });
    const operator = await store.operators.create({
      name: 'Bench',
      email: 'bench@example.com',
      passwordHash: await hashPassword('bench-password'),
      role: 'admin',
      notify: 'inbox',
    });
    seedTickets(app.db, team.id, operator.id, options.tickets);

    // A conversation with a long transcript for /ticket.
    const minted = await fetch(`${url}/api/sites/bench/visitors`, {
      method: 'POST',
      headers: { origin: 'http://bench.test' },
    });
    const { visitorId } = (await minted.json()) as { visitorId: string };
    const visitor = await store.visitors.byId(visitorId);
    if (!visitor) throw new Error('no visitor');
    const { conversation } = await store.conversations.findOrCreateOpen('bench', visitor.id);
    for (let i = 0; i < options.transcript; i++) {
      await store.messages.append({
        conversationId: conversation.id,
        author:
          i % 2
            ? { kind: 'operator', id: operator.id, name: 'Bench' }
            : { kind: 'visitor', id: visitor.id, name: 'Visitor' },
        body: sentence(i, 12),
        visibility: 'public',
        clientId: null,
      });
    }

    const login = await fetch(`${url}/api/operator/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'bench@example.com', password: 'bench-password' }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const client = await socketCommands(url, cookie);

    const queries = ['lamp', 'aurora flicker', '#4242', 'customer77@example.org', 'warranty invoice', 'dimm', '99999'];
    for (let i = 0; i < 20; i++)
      await client.run(conversation.id, 'search_tickets', queries[i % queries.length] as string);
    const search: number[] = [];
    for (let i = 0; i < options.runs; i++)
      search.push(await client.run(conversation.id, 'search_tickets', queries[i % queries.length] as string));
    const ticket: number[] = [];
    for (let i = 0; i < Math.min(options.runs, 100); i++)
      ticket.push(await client.run(conversation.id, 'ticket', `Bench ticket ${i}`));
    client.close();

    const canned: CannedResponse[] = Array.from({ length: options.canned }, (_, i) => ({
      id: `c${i}`,
      shortcut: `${WORDS[i % WORDS.length]}${i}`,
      substitution: sentence(i, 10),
      description: '',
      createdBy: operator.id,
      lastUsedAt: null,
      useCount: i % 17,
      createdAt: '',
      updatedAt: '',
    }));
    const index = indexCanned(canned);
    const terms = ['', 'l', 'la', 'lam', 'lamp', 'lamp1', 'o', 'or', 'ord', 'zz', 'é', '42'];
    const keystrokes: number[] = [];
    for (let round = 0; round < 200; round++) {
      for (const term of terms) {
        const started = performance.now();
        filterCanned(index, term);
        keystrokes.push(performance.now() - started);
      }
    }
    return {
      tickets: options.tickets,
      searchTickets: summarise(search),
      ticketTranscriptMessages: options.transcript,
      ticket: summarise(ticket),
      cannedResponses: options.canned,
      cannedKeystroke: summarise(keystrokes),
    };
  } finally {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await benchCommands();
  console.log(JSON.stringify(figures, null, 2));
}
