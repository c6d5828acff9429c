// The real server, run in its own process so that its memory and CPU are measured apart from the
// load generator's, and so that it can be killed and restarted like a deployed one.

import { buildApp } from '@livechat/server/src/app.ts';
import { LISTEN_BACKLOG } from '@livechat/server/src/http/listen.ts';
import { loadLimits, testConfig } from '@livechat/server/src/config.ts';
import { hashPassword } from '@livechat/server/src/operators/passwords.ts';
import { clockMs } from '../stats.ts';
import { serve, settledMemory } from '../rpc.ts';
import { BENCH_ORIGIN, BENCH_SITE, type StartParams } from './bench-site.ts';
import { Probe } from './probe.ts';

type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

let app: FastifyInstance | null = null;
const probe = new Probe();

async function start(params: StartParams) {
  app = await buildApp(
    testConfig({
      dataDir: params.dataDir,
      synchronous: params.synchronous,
      logLevel: process.env.LOG_LEVEL ?? 'silent',
      ...(params.limits ? { limits: { ...loadLimits({}), ...params.limits } } : {}),
      databaseUrl: params.databaseUrl ?? null,
      redisUrl: params.redisUrl ?? null,
    }),
  );
  await app.store.sites.save({
    id: BENCH_SITE,
    name: 'Bench',
    allowedOrigins: [BENCH_ORIGIN, ...(params.origins ?? [])],
  });
  let missed = 0;
  if (params.missedReplyFrom) missed = await storeMissedReplies(app, params.missedReplyFrom);
  await app.listen({ port: params.port, host: '127.0.0.1', backlog: LISTEN_BACKLOG });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return { url: `http://127.0.0.1:${address.port}`, port: address.port, listenedAt: clockMs(), missed };
}

async function storeMissedReplies(server: FastifyInstance, operatorId: string): Promise<number> {
  const operator = await server.store.operators.byId(operatorId);
  if (!operator) throw new Error('no such operator');
  const open = server.db.prepare<[], { id: string }>("SELECT id FROM conversations WHERE status = 'open'").all();
  // All at once: the repository may commit them together.
  await Promise.all(
    open.map(({ id }) =>
      server.store.messages.append({
        conversationId: id,
        author: { kind: 'operator', id: operator.id, name: operator.name },
        body: 'reply stored while you were away',
        visibility: 'public',
        clientId: `missed-${id}`,
      }),
    ),
  );
  return open.length;
}

/** The visitors' messages in these conversations, and each one's last seq. */
async function storedIn(server: FastifyInstance, conversationIds: string[]) {
  const lastSeq: Record<string, number> = {};
  let messages = 0;
  for (const id of conversationIds) {
    let after = 0;
    for (;;) {
      const page = await server.store.messages.after(id, after, 1000);
      messages += page.filter((message) => message.author.kind === 'visitor').length;
      after = page.at(-1)?.seq ?? after;
      if (page.length < 1000) break;
    }
    lastSeq[id] = after;
  }
  return { messages, lastSeq };
}

function running(): FastifyInstance {
  if (!app) throw new Error('server not started');
  return app;
}

serve({
  start: (params: StartParams) => start(params),
  /** Operator accounts sharing one password hash: scrypt is deliberately slow, once is enough. */
  async createOperators({ names, password }: { names: string[]; password: string }) {
    const server = running();
    const passwordHash = await hashPassword(password);
    const created = [];
    for (const name of names) {
      created.push(
        await server.store.operators.create({
          name,
          email: `${name}@bench.test`,
          passwordHash,
          role: 'admin',
          notify: 'inbox',
        }),
      );
    }
    return created;
  },
  memory: () => settledMemory(),
  probeBegin: () => probe.begin(),
  probeEnd: () => probe.end(),
  /**
   * Stored message count and each open conversation's last seq, to check deliveries against; with
   * `conversationIds`, the visitors' messages in those conversations only, read through the store (how
   * it is read from a node on PostgreSQL), since system lines such as "joined" may come at any time.
   */
  async truth({ conversationIds }: { conversationIds?: string[] } = {}) {
    if (conversationIds) return storedIn(running(), conversationIds);
    const db = running().db;
    const messages = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM messages').get()?.n ?? 0;
    const rows = db
      .prepare<[], { id: string; last_seq: number }>(
        'SELECT conversation_id AS id, max(seq) AS last_seq FROM messages GROUP BY conversation_id',
      )
      .all();
    return { messages, lastSeq: Object.fromEntries(rows.map((row) => [row.id, row.last_seq])) };
  },
  async stop() {
    await app?.close();
    app = null;
  },
});
