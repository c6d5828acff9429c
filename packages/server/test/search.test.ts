// Inbox search on a real server: words, prefixes, accents, FTS5 syntax typed by people, visitors'
// names and emails, internal notes, command results left out, who may see what, and paging.

import type { ErrorBody, OperatorProfile, SearchResult, SearchResultPage } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCommand, texts } from './commands-harness.ts';
import {
  type Client,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  reply,
  SITE_ORIGIN,
  say,
  settle,
  startServer,
  type TestServer,
} from './harness.ts';

let server: TestServer;
let alice: OperatorProfile;
let aliceSocket: Client;
beforeEach(async () => {
  server = await startServer();
  alice = await createOperator(server, 'Alice');
  aliceSocket = await connectOperator(server, alice);
});
afterEach(async () => {
  await aliceSocket.close();
  await discard(server);
});

async function searchAs(
  operator: OperatorProfile,
  q: string,
  cursor?: string,
): Promise<{ status: number; body: SearchResultPage & ErrorBody }> {
  const params = new URLSearchParams({ q, ...(cursor ? { cursor } : {}) });
  const response = await fetch(`${server.url}/api/operator/search?${params}`, {
    headers: { cookie: await loginCookie(server, operator.email) },
  });
  return { status: response.status, body: (await response.json()) as SearchResultPage & ErrorBody };
}

async function found(operator: OperatorProfile, q: string): Promise<SearchResult[]> {
  const { status, body } = await searchAs(operator, q);
  expect(status).toBe(200);
  return body.results;
}

const snippets = (results: SearchResult[]) => results.map((r) => r.snippet);
const highlighted = (result: SearchResult) => result.highlights.map(([from, to]) => result.snippet.slice(from, to));

/** A visitor who writes one message each, in a conversation of its own. */
async function visitorSays(...bodies: string[]) {
  const handle = await newVisitor(server);
  const socket = await handle.connect();
  const messages = [];
  for (const body of bodies) messages.push(await say(socket, body));
  await socket.close();
  return { visitorId: handle.visitorId, token: handle.token, conversationId: messages[0]?.conversationId ?? '' };
}

async function identify(token: string, profile: { id: string; name?: string; email?: string }) {
  const response = await fetch(`${server.url}/api/sites/shop/identify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, origin: SITE_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify(profile),
  });
  expect(response.status).toBe(200);
}

describe('searching words', () => {
  it('finds messages by whole words and prefixes, whatever the case and the accents', async () => {
    await visitorSays('Ma lampe Aurora clignote, et le café est renversé');
    await visitorSays('The delivery was late');

    expect(snippets(await found(alice, 'aurora'))).toEqual(['Ma lampe Aurora clignote, et le café est renversé']);
    expect(await found(alice, 'AURO')).toHaveLength(1);
    expect(await found(alice, 'cafe RENVERSE')).toHaveLength(1);
    expect(await found(alice, 'CAFÉ')).toHaveLength(1);
    expect(await found(alice, 'aurora delivery')).toEqual([]);
    expect(snippets(await found(alice, 'deliv'))).toEqual(['The delivery was late']);
    // Only the last word, still being typed, is a prefix.
    expect(await found(alice, 'deliv late')).toEqual([]);
    expect(await found(alice, 'delivery la')).toEqual([]);
    expect(await found(alice, 'delivery lat')).toHaveLength(1);
  });

  it('puts each matched word at its highlight offsets, in a snippet cut around a match in a long message', async () => {
    const filler = 'nothing to see here '.repeat(30);
    await visitorSays(`${filler}but the Flickering pendant flickers again, ${filler}`);

    const [result] = await found(alice, 'pendant flicker');
    if (!result) throw new Error('no result');
    expect(result.snippet.length).toBeLessThanOrEqual(162);
    expect(result.snippet.startsWith('…')).toBe(true);
    expect(result.snippet.endsWith('…')).toBe(true);
    expect(highlighted(result)).toEqual(['Flickering', 'pendant', 'flickers']);
  });

  it('takes FTS5 syntax in what is typed literally: it never errors and matches only the words', async () => {
    await visitorSays('I said "foo bar" and then col:x');
    await visitorSays('either a OR b will do');
    await visitorSays('NEAR the lamp, body and soul');
    await visitorSays('foo alone');

    expect(snippets(await found(alice, '"foo'))).toHaveLength(2);
    expect(snippets(await found(alice, 'a OR b'))).toEqual(['either a OR b will do']);
    expect(snippets(await found(alice, 'col:x'))).toEqual(['I said "foo bar" and then col:x']);
    expect(snippets(await found(alice, 'NEAR(lamp soul)'))).toEqual(['NEAR the lamp, body and soul']);
    expect(snippets(await found(alice, 'body:lamp'))).toEqual(['NEAR the lamp, body and soul']);
    // Not a NOT, and not a column filter on the visitor or the conversation.
    expect(await found(alice, '-lamp')).toHaveLength(1);
    expect(await found(alice, 'visitor:foo')).toEqual([]);
    for (const q of ['*', '"', '(', 'AND', '^', 'foo*bar', '{body}', 'k1', 'conversation : k1', "'", 'NOT foo']) {
      const { status } = await searchAs(alice, q);
      expect(status, q).toBe(200);
    }
    // The index's own conversation tokens are not words anyone can find.
    expect(await found(alice, 'k1')).toEqual([]);
    expect(await found(alice, 'conversation k2')).toEqual([]);
    expect(await found(alice, '*')).toEqual([]);
  });

  it('finds a conversation by the visitor name and email, and forgets the old ones when they change', async () => {
    const { token, conversationId } = await visitorSays('hello there');
    await identify(token, { id: 'u-1', name: 'Zoë Martin', email: 'zoe.martin@example.org' });

    const [byName] = await found(alice, 'zoe');
    expect(byName).toMatchObject({
      messageId: null,
      seq: null,
      visibility: null,
      snippet: 'Zoë Martin <zoe.martin@example.org>',
    });
    expect(byName?.conversation.id).toBe(conversationId);
    if (!byName) throw new Error('no result');
    expect(highlighted(byName)).toEqual(['Zoë', 'zoe']);
    expect(await found(alice, 'example.org')).toHaveLength(1);

    await identify(token, { id: 'u-1', name: 'Zoë Durand', email: 'zd@example.net' });
    expect(await found(alice, 'martin')).toEqual([]);
    expect(snippets(await found(alice, 'durand'))).toEqual(['Zoë Durand <zd@example.net>']);
  });

  it('finds internal notes for operators, but never command results', async () => {
    const { conversationId } = await visitorSays('my order is missing');
    const written = await reply(aliceSocket, conversationId, 'checking the warehouse ledger', 'operator');
    const help = await runCommand(aliceSocket, conversationId, 'help');
    const word = texts(help)
      .join(' ')
      .match(/[a-z]{6,}/i)?.[0];
    if (!word) throw new Error('no word in /help');

    const [note] = await found(alice, 'ledger');
    expect(note).toMatchObject({ visibility: 'operator', seq: written.seq, snippet: 'checking the warehouse ledger' });
    expect((await found(alice, word)).filter((r) => r.messageId !== null && r.snippet.includes(word))).toEqual([]);
  });
});

describe('who sees what', () => {
  it('finds a conversation the operator resolved, and not one a colleague resolved', async () => {
    const bob = await createOperator(server, 'Bob');
    const { conversationId } = await visitorSays('the blue kettle leaks');
    const cookie = await loginCookie(server, alice.email);
    const resolved = await fetch(`${server.url}/api/operator/conversations/${conversationId}/resolve`, {
      method: 'POST',
      headers: { cookie },
    });
    expect(resolved.status).toBe(200);
    expect((await found(alice, 'kettle')).map((r) => r.conversation.id)).toEqual([conversationId]);
    expect(await found(bob, 'kettle')).toEqual([]);
  });

  it('never shows an operator a conversation they may not read, in results, pages or cursors', async () => {
    const bob = await createOperator(server, 'Bob');
    const carol = await createOperator(server, 'Carol', 'admin');
    // Alice is the only one online: this conversation is hers.
    const mine = await visitorSays(...Array.from({ length: 25 }, (_, i) => `invoice number ${i}`));
    await aliceSocket.close();
    // Nobody online: these wait in the queue, which every operator may read.
    const queued = await visitorSays('invoice from the queue 1', 'invoice from the queue 2');

    const forBob = await searchAs(bob, 'invoice');
    expect(forBob.status).toBe(200);
    expect(forBob.body.results.map((r) => r.conversation.id)).toEqual([queued.conversationId, queued.conversationId]);
    expect(forBob.body.nextCursor).toBeNull();
    expect(await found(bob, 'number')).toEqual([]);

    const forCarol = await searchAs(carol, 'invoice');
    expect(forCarol.body.results).toHaveLength(20);
    expect(forCarol.body.results[2]?.conversation.id).toBe(mine.conversationId);
    const carolCursor = forCarol.body.nextCursor;
    if (!carolCursor) throw new Error('no cursor');
    // A cursor is the operator's own: Bob cannot page through Carol's results with it.
    const stolen = await searchAs(bob, 'invoice', carolCursor);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error.code).toBe('bad_request');
    const tampered = `${carolCursor.slice(0, -2)}${carolCursor.endsWith('AA') ? 'AB' : 'AA'}`;
    expect((await searchAs(carol, 'invoice', tampered)).status).toBe(400);
    expect((await searchAs(carol, 'invoice', 'not-a-cursor')).status).toBe(400);
  });

  it('lets an operator find a conversation they were mentioned in, and no other of a colleague', async () => {
    const bob = await createOperator(server, 'Bob');
    const mentioned = await visitorSays('the parcel went to Lyon');
    await visitorSays('the parcel went to Nice');
    const id = aliceSocket.nextId();
    aliceSocket.send({
      type: 'message.send',
      id,
      conversationId: mentioned.conversationId,
      clientId: `m-${id}`,
      body: '@Bob can you check the parcel?',
      mentionIds: [bob.id],
      visibility: 'operator',
    });
    await aliceSocket.wait('message.ack', (ack) => ack.id === id);
    // The mention is recorded just after the ack.
    for (let i = 0; i < 50 && !(await server.app.store.mentions.isMentioned(mentioned.conversationId, bob.id)); i++)
      await settle(20);

    const results = await found(bob, 'parcel');
    expect(results.map((r) => r.snippet)).toEqual(['@Bob can you check the parcel?', 'the parcel went to Lyon']);
    expect(new Set(results.map((r) => r.conversation.id))).toEqual(new Set([mentioned.conversationId]));
  });

  it('is for operators only: a visitor token or no session gets 401', async () => {
    const { token } = await visitorSays('a private word: tangerine');
    const asVisitor = await fetch(`${server.url}/api/operator/search?q=tangerine`, {
      headers: { authorization: `Bearer ${token}`, origin: SITE_ORIGIN },
    });
    expect(asVisitor.status).toBe(401);
    expect(((await asVisitor.json()) as ErrorBody).error.code).toBe('unauthorized');
    expect((await fetch(`${server.url}/api/operator/search?q=tangerine`)).status).toBe(401);
  });
});

describe('pages and refusals', () => {
  it('pages newest first, 20 at a time, with a cursor, to the end', async () => {
    const first = await visitorSays(...Array.from({ length: 30 }, (_, i) => `parcel ${i}`));
    const second = await visitorSays(...Array.from({ length: 15 }, (_, i) => `parcel again ${i}`));

    const seen: SearchResult[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const { status, body } = await searchAs(alice, 'parcel', cursor);
      expect(status).toBe(200);
      sizes.push(body.results.length);
      seen.push(...body.results);
      cursor = body.nextCursor ?? undefined;
    } while (cursor);

    expect(sizes).toEqual([20, 20, 5]);
    // The visitor's lines, newest first (the line saying who joined takes a seq of its own).
    const visitorLines = async (conversationId: string) =>
      (
        await server.sql<{ seq: number }>(
          "SELECT seq FROM messages WHERE conversation_id = ? AND author_kind = 'visitor' ORDER BY seq DESC",
          conversationId,
        )
      ).map(({ seq }) => `${conversationId}:${seq}`);
    const expected = [...(await visitorLines(second.conversationId)), ...(await visitorLines(first.conversationId))];
    expect(expected).toHaveLength(45);
    expect(seen.map((r) => `${r.conversation.id}:${r.seq}`)).toEqual(expected);
    const times = seen.map((r) => r.createdAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('says there is no next page when the last page is exactly full', async () => {
    await visitorSays(...Array.from({ length: 20 }, (_, i) => `voucher ${i}`));
    const { body } = await searchAs(alice, 'voucher');
    expect(body.results).toHaveLength(20);
    expect(body.nextCursor).toBeNull();
  });

  it('refuses an empty, blank, missing or too long q with bad_request', async () => {
    for (const q of ['', '   ', '\t\n', 'x'.repeat(201)]) {
      const { status, body } = await searchAs(alice, q);
      expect(status, JSON.stringify(q)).toBe(400);
      expect(body.error.code).toBe('bad_request');
    }
    const missing = await fetch(`${server.url}/api/operator/search`, {
      headers: { cookie: await loginCookie(server, alice.email) },
    });
    expect(missing.status).toBe(400);
    const twice = await fetch(`${server.url}/api/operator/search?q=a&q=b`, {
      headers: { cookie: await loginCookie(server, alice.email) },
    });
    expect(twice.status).toBe(400);
    expect((await searchAs(alice, 'x'.repeat(200))).status).toBe(200);
  });
});
