// The inbox's views and counts: what each operator sees in Mine, Unassigned, Mentions, Resolved and All,
// paged by cursor, and never a conversation they may not read.

import type { ConversationPage, InboxCounts, OperatorProfile } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, refusal } from './accounts-harness.ts';
import {
  type Client,
  type TestServer,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
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

const VIEWS = ['mine', 'unassigned', 'mentions', 'resolved', 'all'] as const;

async function view(operator: OperatorProfile, name: string, query = '') {
  const cookie = await loginCookie(server, operator.email);
  return api<ConversationPage>(server, cookie, 'GET', `/api/operator/conversations?view=${name}${query}`);
}

/** Every page of a view, following the cursor. */
async function allPages(operator: OperatorProfile, name: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: ConversationPage = (await view(operator, name, `&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`))
      .body;
    expect(page.conversations.length).toBeLessThanOrEqual(limit);
    ids.push(...page.conversations.map((c) => c.id));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}

async function counts(operator: OperatorProfile): Promise<InboxCounts> {
  const cookie = await loginCookie(server, operator.email);
  return (await api<InboxCounts>(server, cookie, 'GET', '/api/operator/conversations/counts')).body;
}

async function chat(text: string): Promise<{ id: string; visitor: Client; visitorId: string }> {
  const handle = await newVisitor(server);
  const visitor = await handle.connect();
  return { id: (await say(visitor, text)).conversationId, visitor, visitorId: handle.visitorId };
}

describe('views', () => {
  it('shows each operator only what they may read, with counts that match, and admins everything', async () => {
    const admin = await createOperator(server, 'Ada', 'admin');
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    await setAvailability(server, admin, 'away');
    await setAvailability(server, bob, 'away');
    const aliceSocket = await connectOperator(server, alice);
    const aliceOwn = await chat('for alice 1');
    const aliceResolved = await chat('for alice 2');
    await setAvailability(server, alice, 'away');
    const queued = await chat('queued');
    const aliceCookie = await loginCookie(server, alice.email);
    await api(server, aliceCookie, 'POST', `/api/operator/conversations/${aliceResolved.id}/resolve`);
    // Alice mentions Bob in her open conversation.
    const id = aliceSocket.nextId();
    aliceSocket.send({
      type: 'message.send',
      id,
      conversationId: aliceOwn.id,
      clientId: 'mention-1',
      body: '@Bob can you check?',
      visibility: 'operator',
      mentionIds: [bob.id],
    });
    await aliceSocket.wait('message.ack', (f) => f.id === id);
    for (let i = 0; i < 50 && (await counts(bob)).mentions === 0; i++) await new Promise((r) => setTimeout(r, 20));

    const seen = async (operator: OperatorProfile) =>
      Object.fromEntries(
        await Promise.all(
          VIEWS.map(async (name) => {
            const response = await view(operator, name);
            return [name, response.status === 200 ? response.body.conversations.map((c) => c.id) : response.status];
          }),
        ),
      );
    expect(await seen(alice)).toEqual({
      mine: [aliceOwn.id],
      unassigned: [queued.id],
      mentions: [],
      resolved: [aliceResolved.id],
      all: 403,
    });
    expect(await seen(bob)).toEqual({
      mine: [],
      unassigned: [queued.id],
      mentions: [aliceOwn.id],
      resolved: [],
      all: 403,
    });
    expect(await seen(admin)).toEqual({
      mine: [],
      unassigned: [queued.id],
      mentions: [],
      resolved: [aliceResolved.id],
      // Most recently active first: the mention is the newest line.
      all: [aliceOwn.id, queued.id],
    });
    expect(await counts(alice)).toEqual({ mine: 1, unassigned: 1, mentions: 0, resolved: 1, all: null });
    expect(await counts(bob)).toEqual({ mine: 0, unassigned: 1, mentions: 1, resolved: 0, all: null });
    expect(await counts(admin)).toEqual({ mine: 0, unassigned: 1, mentions: 0, resolved: 1, all: 2 });

    // Reading the mention takes it out of Bob's Mentions.
    const bobCookie = await loginCookie(server, bob.email);
    await api(server, bobCookie, 'POST', '/api/operator/notifications/read', { all: true });
    expect((await counts(bob)).mentions).toBe(0);
    // Past conversations follow the same rule.
    const past = await api<{ conversations: Array<{ id: string }> }>(
      server,
      bobCookie,
      'GET',
      `/api/operator/visitors/${aliceResolved.visitorId}/conversations`,
    );
    expect(past.body.conversations).toEqual([]);
  });

  it('pages by cursor through every conversation exactly once, newest activity first', async () => {
    const admin = await createOperator(server, 'Ada', 'admin');
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await chat(`chat ${i}`)).id);
    const pages = await allPages(admin, 'unassigned', 3);
    expect(pages).toEqual([...ids].reverse());
    expect(await allPages(admin, 'all', 2)).toEqual([...ids].reverse());
    // Without a view: mine and unassigned together, as before views.
    const cookie = await loginCookie(server, admin.email);
    const plain = await api<ConversationPage>(server, cookie, 'GET', '/api/operator/conversations');
    expect(plain.body.conversations).toHaveLength(7);
    expect(plain.body.nextCursor).toBeNull();

    for (const query of ['?view=everything', '?limit=0', '?limit=201', '?cursor=not-a-cursor', '?view=mine&view=all']) {
      expect(refusal(await api(server, cookie, 'GET', `/api/operator/conversations${query}`))).toEqual({
        status: 400,
        code: 'bad_request',
      });
    }
  });
});

describe('live lists', () => {
  it('keeps an admin informed of conversations other operators own', async () => {
    const admin = await createOperator(server, 'Ada', 'admin');
    const alice = await createOperator(server, 'Alice');
    await setAvailability(server, admin, 'away');
    const adminSocket = await connectOperator(server, admin);
    await connectOperator(server, alice);
    const { id, visitor } = await chat('hello');
    const owned = await adminSocket.wait(
      'conversation.updated',
      (f) => f.conversation.id === id && f.conversation.memberIds.includes(alice.id),
    );
    expect(owned.conversation.assignedOperatorId).toBe(alice.id);
    await say(visitor, 'still there?');
    await adminSocket.wait('conversation.updated', (f) => f.conversation.lastMessage?.body === 'still there?');
    expect(adminSocket.of('conversation.removed')).toEqual([]);
  });
});
