// Canned responses over HTTP and real sockets: validation, live updates, usage counting and ranking.

import {
  type CannedResponse,
  type CannedResponseList,
  type ErrorBody,
  fillTemplate,
  foldForSearch,
  rankMatches,
} from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CANNED_RESPONSES, seedDemo } from '../src/demo/seed.ts';
import {
  type Client,
  type TestServer,
  connectOperator,
  createOperator,
  loginCookie,
  newVisitor,
  discard,
  say,
  settle,
  startServer,
  sync,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await discard(server);
});

async function api<T = unknown>(cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Sends an operator message the way the composer does, with the canned responses it inserted. */
async function send(client: Client, conversationId: string, body: string, cannedIds: string[], clientId: string) {
  const id = client.nextId();
  client.send({ type: 'message.send', id, conversationId, clientId, body, cannedIds });
  return (await client.wait('message.ack', (ack) => ack.id === id)).message;
}

const stored = () => server.sql('SELECT * FROM canned_responses ORDER BY id');

describe('managing canned responses', () => {
  it('lets any operator create, list, edit and delete them, live on every operator socket', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const cookie = await loginCookie(server, alice.email);
    const bobSocket = await connectOperator(server, bob);
    const visitor = await (await newVisitor(server)).connect();

    const created = await api<{ cannedResponse: CannedResponse }>(cookie, 'POST', '/api/operator/canned-responses', {
      shortcut: 'sorry',
      substitution: 'I am sorry to hear that.\nLet me check.',
      description: 'Apology',
    });
    expect(created.status).toBe(201);
    const canned = created.body.cannedResponse;
    expect(canned).toMatchObject({
      shortcut: 'sorry',
      substitution: 'I am sorry to hear that.\nLet me check.',
      description: 'Apology',
      createdBy: alice.id,
      useCount: 0,
      lastUsedAt: null,
    });
    const live = await bobSocket.wait('canned.changed', (f) => f.cannedResponse.id === canned.id);
    expect(live.cannedResponse).toEqual(canned);

    const list = await api<CannedResponseList>(cookie, 'GET', '/api/operator/canned-responses');
    expect(list.body.cannedResponses).toEqual([canned]);

    const edited = await api<{ cannedResponse: CannedResponse }>(
      cookie,
      'PATCH',
      `/api/operator/canned-responses/${canned.id}`,
      { substitution: 'So sorry about that.' },
    );
    expect(edited.status).toBe(200);
    expect(edited.body.cannedResponse).toMatchObject({
      shortcut: 'sorry',
      substitution: 'So sorry about that.',
      description: 'Apology',
    });
    await bobSocket.wait('canned.changed', (f) => f.cannedResponse.substitution === 'So sorry about that.');

    // Only the case changes: still the same shortcut, so no conflict with itself.
    const renamed = await api<{ cannedResponse: CannedResponse }>(
      cookie,
      'PATCH',
      `/api/operator/canned-responses/${canned.id}`,
      {
        shortcut: 'Sorry',
      },
    );
    expect(renamed.body.cannedResponse.shortcut).toBe('Sorry');

    const deleted = await api(cookie, 'DELETE', `/api/operator/canned-responses/${canned.id}`);
    expect(deleted.status).toBe(204);
    await bobSocket.wait('canned.deleted', (f) => f.id === canned.id);
    expect(
      (await api<CannedResponseList>(cookie, 'GET', '/api/operator/canned-responses')).body.cannedResponses,
    ).toEqual([]);

    await settle();
    expect(JSON.stringify(visitor.frames)).not.toContain('canned');
    expect(JSON.stringify(visitor.frames)).not.toContain('sorry');
  });

  it('refuses bad input with a typed error and leaves what is stored unchanged', async () => {
    const alice = await createOperator(server, 'Alice');
    const cookie = await loginCookie(server, alice.email);
    const hello = (
      await api<{ cannedResponse: CannedResponse }>(cookie, 'POST', '/api/operator/canned-responses', {
        shortcut: 'hello',
        substitution: 'Hello, how may I help you?',
      })
    ).body.cannedResponse;
    const bye = (
      await api<{ cannedResponse: CannedResponse }>(cookie, 'POST', '/api/operator/canned-responses', {
        shortcut: 'bye',
        substitution: 'Goodbye!',
      })
    ).body.cannedResponse;
    const before = await stored();

    const cases: Array<[string, string, unknown, number, string]> = [
      ['POST', '', { shortcut: 'HELLO', substitution: 'dup' }, 409, 'conflict'],
      ['POST', '', { shortcut: 'he llo', substitution: 'x' }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'tab\there', substitution: 'x' }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'line\n', substitution: 'x' }, 400, 'bad_request'],
      ['POST', '', { shortcut: '', substitution: 'x' }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'x'.repeat(33), substitution: 'x' }, 400, 'bad_request'],
      ['POST', '', { shortcut: ':colon', substitution: 'x' }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'empty', substitution: '' }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'blank', substitution: ' \n\t ' }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'long', substitution: 'x'.repeat(4001) }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'desc', substitution: 'x', description: 'd'.repeat(201) }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'extra', substitution: 'x', useCount: 99 }, 400, 'bad_request'],
      ['POST', '', { shortcut: 'nosub' }, 400, 'bad_request'],
      ['PATCH', `/${bye.id}`, { shortcut: 'Hello' }, 409, 'conflict'],
      ['PATCH', `/${bye.id}`, { shortcut: 'two words' }, 400, 'bad_request'],
      ['PATCH', `/${bye.id}`, { substitution: '   ' }, 400, 'bad_request'],
      ['PATCH', `/${bye.id}`, {}, 400, 'bad_request'],
      ['PATCH', `/${bye.id}`, { createdBy: 'someone-else' }, 400, 'bad_request'],
      ['PATCH', '/not!an!id', { substitution: 'x' }, 400, 'invalid_id'],
      ['PATCH', '/AAAAAAAAAAAAAAAAAAAAA', { substitution: 'x' }, 404, 'not_found'],
      ['DELETE', '/not!an!id', undefined, 400, 'invalid_id'],
      ['DELETE', '/AAAAAAAAAAAAAAAAAAAAA', undefined, 404, 'not_found'],
    ];
    for (const [method, suffix, body, status, code] of cases) {
      const response = await api<ErrorBody>(cookie, method, `/api/operator/canned-responses${suffix}`, body);
      expect({ method, body, status: response.status, code: response.body.error.code }).toEqual({
        method,
        body,
        status,
        code,
      });
      expect(response.body.error.message.length).toBeGreaterThan(0);
    }
    const anonymous = await api<ErrorBody>('', 'GET', '/api/operator/canned-responses');
    expect(anonymous.status).toBe(401);
    const anonymousDelete = await api<ErrorBody>('', 'DELETE', `/api/operator/canned-responses/${hello.id}`);
    expect(anonymousDelete.status).toBe(401);

    expect(await stored()).toEqual(before);
  });

  it('seeds the demo responses once, however often the demo starts', async () => {
    await seedDemo(server.app.store, [server.origin]);
    await seedDemo(server.app.store, [server.origin]);
    const list = await server.app.store.canned.list();
    expect(list.map(({ shortcut, substitution }) => ({ shortcut, substitution }))).toEqual(
      [...DEMO_CANNED_RESPONSES].sort((a, b) => a.shortcut.localeCompare(b.shortcut)),
    );
  });
});

describe('using canned responses', () => {
  async function chat() {
    const alice = await createOperator(server, 'Alice');
    const operator = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'Hi there');
    await sync(operator, 0, first.conversationId);
    const cookie = await loginCookie(server, alice.email);
    const create = async (shortcut: string, substitution: string) =>
      (
        await api<{ cannedResponse: CannedResponse }>(cookie, 'POST', '/api/operator/canned-responses', {
          shortcut,
          substitution,
        })
      ).body.cannedResponse;
    return { alice, operator, visitor, cookie, conversationId: first.conversationId, create };
  }

  it('counts each response once per newly stored message, and a resent message not again', async () => {
    const { alice, operator, cookie, conversationId, create } = await chat();
    const bob = await connectOperator(server, await createOperator(server, 'Bob'));
    const hello = await create('hello', 'Hello, how may I help you?');
    const sorry = await create('sorry', 'I am sorry to hear that.');
    const untouched = await create('bye', 'Goodbye!');

    const body = 'Hello, how may I help you? I am sorry to hear that. Hello, how may I help you?';
    const unknownId = 'AAAAAAAAAAAAAAAAAAAAA';
    const first = await send(
      operator,
      conversationId,
      body,
      [hello.id, sorry.id, hello.id, unknownId],
      'same-client-id',
    );
    const used = await bob.wait(
      'canned.changed',
      (f) => f.cannedResponse.id === hello.id && f.cannedResponse.useCount === 1,
    );
    expect(used.cannedResponse.lastUsedAt).not.toBeNull();
    await bob.wait('canned.changed', (f) => f.cannedResponse.id === sorry.id && f.cannedResponse.useCount === 1);

    const again = await send(operator, conversationId, body, [hello.id, sorry.id], 'same-client-id');
    expect(again.id).toBe(first.id);
    await send(operator, conversationId, 'Hello, how may I help you?', [hello.id], 'next-client-id');
    await bob.wait('canned.changed', (f) => f.cannedResponse.id === hello.id && f.cannedResponse.useCount === 2);
    await settle();

    const counts = Object.fromEntries(
      (await api<CannedResponseList>(cookie, 'GET', '/api/operator/canned-responses')).body.cannedResponses.map((c) => [
        c.shortcut,
        c.useCount,
      ]),
    );
    expect(counts).toEqual({ hello: 2, sorry: 1, bye: 0 });
    const rows = await server.sql<{ last_used_at: string | null }>(
      'SELECT last_used_at FROM canned_responses WHERE id = ?',
      untouched.id,
    );
    expect(rows).toEqual([{ last_used_at: null }]);
    // Using a response is not editing it.
    expect(bob.of('canned.changed').every((f) => f.cannedResponse.updatedAt === f.cannedResponse.createdAt)).toBe(true);
    expect(alice.id).toBeTruthy();
  });

  it('feeds the ranking: prefix matches first, then the most used', async () => {
    const { operator, cookie, conversationId, create } = await chat();
    const sorry = await create('sorry', 'I am sorry to hear that.');
    const soLong = await create('so-long', 'So long, and thanks!');
    await create('also', 'Also, one more thing.');
    await create('hello', 'Hello!');

    await send(operator, conversationId, 'So long, and thanks!', [soLong.id], 'a');
    await send(operator, conversationId, 'So long, and thanks!', [soLong.id], 'b');
    await send(operator, conversationId, 'I am sorry to hear that.', [sorry.id], 'c');
    await operator.wait('canned.changed', (f) => f.cannedResponse.id === soLong.id && f.cannedResponse.useCount === 2);
    await operator.wait('canned.changed', (f) => f.cannedResponse.id === sorry.id && f.cannedResponse.useCount === 1);

    const { cannedResponses } = (await api<CannedResponseList>(cookie, 'GET', '/api/operator/canned-responses')).body;
    const rank = (term: string) =>
      rankMatches(
        cannedResponses,
        term,
        (c) => [foldForSearch(c.shortcut)],
        (a, b) => b.useCount - a.useCount,
      ).map((c) => c.shortcut);
    expect(rank('so')).toEqual(['so-long', 'sorry', 'also']);
    expect(rank('SÓ')).toEqual(['so-long', 'sorry', 'also']);
    expect(rank('')).toEqual(['so-long', 'sorry', 'also', 'hello']);
  });

  it('keeps variables as written; the message carries what the composer filled in', async () => {
    const { operator, visitor, cookie, conversationId, create } = await chat();
    const greeting = await create('greet', 'Hi {{visitor.name|there}}, I am {{operator.name}} from {{site.name}}.');
    expect(greeting.substitution).toBe('Hi {{visitor.name|there}}, I am {{operator.name}} from {{site.name}}.');

    const me = (await api<{ operator: { name: string } }>(cookie, 'GET', '/api/operator/me')).body.operator;
    const conversations = (
      await api<{ conversations: Array<{ id: string; visitor: { name: string | null } }> }>(
        cookie,
        'GET',
        '/api/operator/conversations',
      )
    ).body.conversations;
    const visitorName = conversations.find((c) => c.id === conversationId)?.visitor.name;
    const text = fillTemplate(greeting.substitution, {
      'visitor.name': visitorName,
      'operator.name': me.name,
      'site.name': 'Shop',
    });
    expect(text).toBe('Hi there, I am Alice from Shop.');

    await send(operator, conversationId, text, [greeting.id], 'greet-1');
    const received = await visitor.wait('message.created', (f) => f.message.author.kind === 'operator');
    expect(received.message.body).toBe('Hi there, I am Alice from Shop.');
    expect(JSON.stringify(visitor.frames)).not.toContain('{{');
  });
});
