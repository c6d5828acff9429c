// What the widget reads of the team before the visitor writes: online with initials, or away and why,
// and how fast the team usually answers.

import type { OperatorProfile, TeamAvailability } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import pg from 'pg';
import { MEDIAN_FIRST_RESPONSE as ON_POSTGRES } from '../src/db/postgres/response-times.ts';
import { MEDIAN_FIRST_RESPONSE as ON_SQLITE } from '../src/db/sqlite/response-times.ts';
import { call, refused } from './away-harness.ts';
import {
  type Client,
  SITE_ORIGIN,
  type TestServer,
  connectOperator,
  createOperator,
  discard,
  newVisitor,
  reply,
  say,
  setAvailability,
  startServer,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await discard(server);
});

const availability = (origin: string | undefined = SITE_ORIGIN, site = 'shop') =>
  call<TeamAvailability>(server, 'GET', `/api/sites/${site}/availability`, origin ? { origin } : {});

const setHours = (spans: Array<{ day: number; from: string; to: string }> | null, awayMessage: string | null = null) =>
  server.app.store.sites.update('shop', { workingHours: { timeZone: 'UTC', spans }, awayMessage });

describe('the team’s state', () => {
  it('is away with nobody online, readable by the site’s page and never cached', async () => {
    const answer = await availability();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    expect(answer.body).toEqual({
      state: 'away',
      reason: 'nobody_online',
      operators: [],
      medianFirstResponseSeconds: null,
      awayMessage: null,
    } satisfies TeamAvailability);
  });

  it('is online with the initials of who is connected and online, and away again when they step away', async () => {
    const alice = await createOperator(server, 'Alice Martin');
    await createOperator(server, 'Bob'); // never connects: not online
    const socket = await connectOperator(server, alice);
    expect((await availability()).body).toMatchObject({ state: 'online', reason: null, operators: ['AM'] });

    await setAvailability(server, alice, 'away');
    expect((await availability()).body).toMatchObject({ state: 'away', reason: 'nobody_online', operators: [] });
    await setAvailability(server, alice, 'online');
    expect((await availability()).body).toMatchObject({ state: 'online', operators: ['AM'] });

    await socket.close();
    await expect.poll(async () => (await availability()).body.state).toBe('away');
  });

  it('shows at most five operators', async () => {
    const names = ['Ann Lee', 'Ben Ng', 'Cy Oh', 'Dee Po', 'Eve Qi', 'Fay Ru'];
    const sockets: Client[] = [];
    for (const name of names) sockets.push(await connectOperator(server, await createOperator(server, name)));
    expect((await availability()).body.operators).toEqual(['AL', 'BN', 'CO', 'DP', 'EQ']);
  });

  it('is away outside working hours even with someone online, with the site’s away message', async () => {
    await connectOperator(server, await createOperator(server, 'Alice'));
    await setHours([], 'We answer on weekdays.');
    expect((await availability()).body).toEqual({
      state: 'away',
      reason: 'outside_hours',
      operators: [],
      medianFirstResponseSeconds: null,
      awayMessage: 'We answer on weekdays.',
    } satisfies TeamAvailability);

    // Open all week, all day: online again.
    await setHours(Array.from({ length: 7 }, (_, day) => ({ day, from: '00:00', to: '24:00' })));
    expect((await availability()).body).toMatchObject({ state: 'online', reason: null, operators: ['A'] });
  });

  it('is refused to another origin and for an unknown or archived site, readably', async () => {
    const elsewhere = await availability('https://evil.example');
    expect(refused(elsewhere)).toEqual({ status: 403, code: 'bad_origin' });
    expect(elsewhere.headers.get('access-control-allow-origin')).toBe('https://evil.example');

    const unknown = await availability(SITE_ORIGIN, 'nowhere');
    expect(refused(unknown)).toEqual({ status: 404, code: 'not_found' });
    expect(unknown.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);

    await server.app.store.sites.archive('shop');
    expect(refused(await availability())).toEqual({ status: 404, code: 'not_found' });
  });
});

describe('the median first response', () => {
  let alice: OperatorProfile;
  let aliceSocket: Client;
  beforeEach(async () => {
    alice = await createOperator(server, 'Alice');
    aliceSocket = await connectOperator(server, alice);
  });

  const at = (base: number, seconds: number) => new Date(base + seconds * 1000).toISOString();
  const setTime = (messageId: string, time: string) =>
    server.sql('UPDATE messages SET created_at = ? WHERE id = ?', time, messageId);

  /**
   * A conversation where the visitor asks, and the operator answers `wait` seconds later (a note and
   * the "joined" line before it do not count); or asks and gets no public answer.
   */
  async function conversation(wait: number | null): Promise<string> {
    const base = Date.now() - 3600 * 1000;
    const visitor = await (await newVisitor(server)).connect();
    const question = await say(visitor, 'Is anyone there?');
    await setTime(question.id, at(base, 0));
    const note = await reply(aliceSocket, question.conversationId, 'checking the order', 'operator');
    await setTime(note.id, at(base, 2));
    const joined = await server.sql<{ id: string }>(
      "SELECT id FROM messages WHERE conversation_id = ? AND author_kind = 'system'",
      question.conversationId,
    );
    for (const line of joined) await setTime(line.id, at(base, 1));
    if (wait !== null) {
      const answer = await reply(aliceSocket, question.conversationId, 'Yes, hello!');
      await setTime(answer.id, at(base, wait));
      const later = await say(visitor, 'Thanks');
      await setTime(later.id, at(base, wait + 5));
    }
    await visitor.close();
    return question.conversationId;
  }

  it('is the middle wait for a first public answer over the last 7 days', async () => {
    await conversation(30);
    expect((await availability()).body.medianFirstResponseSeconds).toBe(30);
    await conversation(90);
    // Two waits: the mean of both.
    expect((await availability()).body.medianFirstResponseSeconds).toBe(60);
    await conversation(600);
    expect((await availability()).body.medianFirstResponseSeconds).toBe(90);

    // Unanswered conversations, and those older than 7 days, are not measured.
    await conversation(null);
    const old = await conversation(5000);
    await server.sql(
      'UPDATE conversations SET created_at = ? WHERE id = ?',
      new Date(Date.now() - 8 * 24 * 3600 * 1000).toISOString(),
      old,
    );
    expect((await availability()).body.medianFirstResponseSeconds).toBe(90);
  });

  it('is null while nobody has answered, and only counts the site’s own conversations', async () => {
    await conversation(null);
    expect((await availability()).body.medianFirstResponseSeconds).toBeNull();
    await conversation(40);
    await server.app.store.sites.save({ id: 'bakery', name: 'Bakery', allowedOrigins: ['http://bakery.test'] });
    expect((await availability('http://bakery.test', 'bakery')).body.medianFirstResponseSeconds).toBeNull();
    expect((await availability()).body.medianFirstResponseSeconds).toBe(40);
  });
});

/** The plan of the median's query on the server's store, one step a line. */
async function planOfMedian(): Promise<string> {
  const since = '2026-01-01T00:00:00.000Z';
  if (!server.databaseUrl) {
    const plan = await server.sql<{ detail: string }>(`EXPLAIN QUERY PLAN ${ON_SQLITE}`, 'shop', since);
    return plan.map((step) => step.detail).join('\n');
  }
  // A test database is nearly empty, where PostgreSQL rightly prefers reading tables whole: with that
  // discouraged, the plan shows whether an index serves the query at all.
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  try {
    await client.query('SET enable_seqscan = off');
    const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${ON_POSTGRES}`, ['shop', since]);
    return plan.rows.map((step) => step['QUERY PLAN']).join('\n');
  } finally {
    await client.end();
  }
}

describe('the query', () => {
  it('reads the site’s conversations through the index by site and creation time', async () => {
    const steps = await planOfMedian();
    if (server.databaseUrl) {
      expect(steps).toMatch(/(Index (Only )?Scan using|Bitmap Index Scan on) conversations_by_site_newest\b/);
      expect(steps).not.toMatch(/Seq Scan/);
      return;
    }
    expect(steps).toMatch(/SEARCH c USING (COVERING )?INDEX conversations_by_site_newest/);
    expect(steps).not.toMatch(/SCAN (c|messages|m)\b(?! USING)/);
  });
});
