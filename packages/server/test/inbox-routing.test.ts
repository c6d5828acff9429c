// Routing: online and away, capacity, the queue handed out on login, on status change and on a freed
// slot, assigning and transferring, and the operators' picker.

import type { ConversationBody, OperatorList, OperatorProfile } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { api, refusal } from './accounts-harness.ts';
import { runCommand } from './commands-harness.ts';
import {
  type TestServer,
  connectOperator,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  say,
  setAvailability,
  settle,
  startServer,
} from './harness.ts';

let server: TestServer;
beforeEach(async () => {
  server = await startServer();
});
afterEach(async () => {
  await discard(server);
});

const assigneeOf = async (conversationId: string) =>
  (await server.app.store.conversations.byId(conversationId))?.assignedOperatorId ?? null;

/** A new visitor's first message: a new conversation. */
async function newChat(text = 'hello'): Promise<string> {
  const visitor = await (await newVisitor(server)).connect();
  return (await say(visitor, text)).conversationId;
}

async function setCapacity(admin: OperatorProfile, operator: OperatorProfile, capacity: unknown) {
  return api(server, await loginCookie(server, admin.email), 'PATCH', `/api/admin/team/${operator.id}`, { capacity });
}

/** Until the queue hand-out (which runs after the triggering request) has stored its result. */
async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 50; i++) {
    const value = await read();
    if (ok(value)) return value;
    await settle(20);
  }
  return read();
}

describe('capacity and the queue', () => {
  it('gives online operators new chats up to their capacity, then queues, and a freed slot takes the oldest', async () => {
    const admin = await createOperator(server, 'Ada', 'admin');
    const alice = await createOperator(server, 'Alice');
    expect((await setCapacity(admin, alice, 2)).status).toBe(200);
    for (const bad of [0, 51, 2.5, 'two']) expect(refusal(await setCapacity(admin, alice, bad)).status).toBe(400);
    const team = await api<{ members: Array<{ id: string; capacity: number }> }>(
      server,
      await loginCookie(server, admin.email),
      'GET',
      '/api/admin/team',
    );
    expect(team.body.members.find((m) => m.id === alice.id)?.capacity).toBe(2);
    await setAvailability(server, admin, 'away');
    await connectOperator(server, admin);
    await connectOperator(server, alice);

    const chats = [await newChat('one'), await newChat('two'), await newChat('three'), await newChat('four')];
    expect(await Promise.all(chats.map(assigneeOf))).toEqual([alice.id, alice.id, null, null]);

    const picker = await api<OperatorList>(
      server,
      await loginCookie(server, alice.email),
      'GET',
      '/api/operator/operators',
    );
    expect(picker.body.operators.map((o) => [o.name, o.status, o.openConversations, o.capacity])).toEqual([
      ['Ada', 'away', 0, 5],
      ['Alice', 'online', 2, 2],
    ]);

    const cookie = await loginCookie(server, alice.email);
    expect((await api(server, cookie, 'POST', `/api/operator/conversations/${chats[0]}/resolve`)).status).toBe(200);
    expect(
      await until(
        () => assigneeOf(chats[2] as string),
        (id) => id !== null,
      ),
    ).toBe(alice.id);
    expect(await assigneeOf(chats[3] as string)).toBeNull();
  });

  it('lists an assigned chat by what the visitor wrote, not by the line saying who joined', async () => {
    const alice = await createOperator(server, 'Alice');
    const socket = await connectOperator(server, alice);
    const chat = await newChat('Where is my parcel?');
    const joined = await until(
      () => server.app.store.messages.last(chat),
      (message) => message?.system?.event === 'joined',
    );
    expect(joined?.body).toBe('Alice joined');
    const list = await api<{ conversations: Array<{ id: string; lastMessage: { body: string } | null }> }>(
      server,
      await loginCookie(server, alice.email),
      'GET',
      '/api/operator/conversations?view=mine',
    );
    expect(list.body.conversations.find((c) => c.id === chat)?.lastMessage?.body).toBe('Where is my parcel?');
    // The live listing says the same once the joined line has gone by.
    await settle(50);
    const updates = socket.frames.filter(
      (frame) => frame.type === 'conversation.updated' && frame.conversation.id === chat,
    );
    const latest = updates.at(-1);
    expect(latest?.type === 'conversation.updated' && latest.conversation.lastMessage?.body).toBe(
      'Where is my parcel?',
    );
  });

  it('hands the queue out when an operator connects, least busy first', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const chats = [await newChat('one'), await newChat('two'), await newChat('three')];
    expect(await Promise.all(chats.map(assigneeOf))).toEqual([null, null, null]);

    const aliceSocket = await connectOperator(server, alice);
    await until(
      () => assigneeOf(chats[2] as string),
      (id) => id !== null,
    );
    expect(await Promise.all(chats.map(assigneeOf))).toEqual([alice.id, alice.id, alice.id]);
    const joined = await aliceSocket.wait('conversation.updated', (f) => f.conversation.id === chats[0]);
    expect(joined.conversation.memberIds).toEqual([alice.id]);

    // Bob comes with nothing: the next one is his.
    await connectOperator(server, bob);
    expect(await assigneeOf(await newChat('four'))).toBe(bob.id);
  });

  it('keeps away operators out of the queue, remembers away across sign-ins, and hands out on coming online', async () => {
    const alice = await createOperator(server, 'Alice');
    await setAvailability(server, alice, 'away');
    const cookie = await loginCookie(server, alice.email);
    const me = await api<{ operator: OperatorProfile }>(server, cookie, 'GET', '/api/operator/me');
    expect(me.body.operator.availability).toBe('away');
    await connectOperator(server, alice);
    const chat = await newChat();
    await settle();
    expect(await assigneeOf(chat)).toBeNull();

    expect(refusal(await api(server, cookie, 'PUT', '/api/operator/me/status', { status: 'busy' })).status).toBe(400);
    const online = await api<{ status: string }>(server, cookie, 'PUT', '/api/operator/me/status', {
      status: 'online',
    });
    expect(online.body).toEqual({ status: 'online' });
    expect(
      await until(
        () => assigneeOf(chat),
        (id) => id !== null,
      ),
    ).toBe(alice.id);
  });

  it('gives a conversation left with /leave to someone else, and the leaver a queued one in its place', async () => {
    const admin = await createOperator(server, 'Ada', 'admin');
    const alice = await createOperator(server, 'Alice');
    await setCapacity(admin, alice, 1);
    const aliceSocket = await connectOperator(server, alice);
    const first = await newChat('first');
    const second = await newChat('second');
    expect([await assigneeOf(first), await assigneeOf(second)]).toEqual([alice.id, null]);

    await runCommand(aliceSocket, first, 'leave');
    // She left the first: it stays queued for others; the second takes her freed slot.
    expect(
      await until(
        () => assigneeOf(second),
        (id) => id !== null,
      ),
    ).toBe(alice.id);
    expect(await assigneeOf(first)).toBeNull();
  });
});

describe('assigning', () => {
  it('transfers to a colleague: they are notified and join, the previous assignee leaves', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    await setAvailability(server, bob, 'away');
    const aliceSocket = await connectOperator(server, alice);
    const bobSocket = await connectOperator(server, bob);
    const handle = await newVisitor(server);
    const visitor = await handle.connect();
    const { conversationId } = await say(visitor, 'I need billing');
    expect(await assigneeOf(conversationId)).toBe(alice.id);

    const aliceCookie = await loginCookie(server, alice.email);
    const path = `/api/operator/conversations/${conversationId}/assign`;
    const moved = await api<ConversationBody>(server, aliceCookie, 'POST', path, { operatorId: bob.id });
    expect(moved.status).toBe(200);
    expect(moved.body.conversation).toMatchObject({ assignedOperatorId: bob.id, memberIds: [bob.id] });

    const notified = await bobSocket.wait('notification.created');
    expect(notified.notification).toMatchObject({ kind: 'assigned', conversationId, authorName: 'Alice' });
    const line = await visitor.wait('message.created', (f) => f.message.body === 'Bob joined');
    expect(line.message.system).toEqual({ event: 'joined', name: 'Bob' });
    expect(notified.notification.messageId).toBe(line.message.id);
    await aliceSocket.wait('conversation.removed', (f) => f.conversationId === conversationId);
    await bobSocket.wait('conversation.updated', (f) => f.conversation.id === conversationId);
    // Alice may no longer write to it.
    const bobCookie = await loginCookie(server, bob.email);
    const again = await api(server, aliceCookie, 'POST', path, { operatorId: alice.id });
    expect(refusal(again)).toEqual({ status: 403, code: 'forbidden' });
    expect((await api(server, bobCookie, 'POST', path, { operatorId: bob.id })).status).toBe(200);
  });

  it('refuses what the rules do not allow, changing nothing', async () => {
    const admin = await createOperator(server, 'Ada', 'admin');
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const carol = await createOperator(server, 'Carol');
    await setAvailability(server, admin, 'away');
    await connectOperator(server, alice);
    const chat = await newChat();
    const path = `/api/operator/conversations/${chat}/assign`;
    const adminCookie = await loginCookie(server, admin.email);
    const carolCookie = await loginCookie(server, carol.email);
    expect((await api(server, adminCookie, 'PATCH', `/api/admin/team/${carol.id}`, { disabled: true })).status).toBe(
      200,
    );

    const cases: Array<[string, unknown, number]> = [
      [await loginCookie(server, bob.email), { operatorId: bob.id }, 403],
      [adminCookie, { operatorId: carol.id }, 400],
      [adminCookie, { operatorId: 'no-such-operator' }, 400],
      [adminCookie, { operator: bob.id }, 400],
      [carolCookie, { operatorId: bob.id }, 401],
    ];
    for (const [cookie, body, status] of cases)
      expect((await api(server, cookie, 'POST', path, body)).status).toBe(status);
    expect(await assigneeOf(chat)).toBe(alice.id);

    // An admin may assign anything, even to someone at capacity; closed conversations are refused.
    expect((await api(server, adminCookie, 'POST', path, { operatorId: bob.id })).status).toBe(200);
    expect(await assigneeOf(chat)).toBe(bob.id);
    await api(server, adminCookie, 'POST', `/api/operator/conversations/${chat}/resolve`);
    expect(refusal(await api(server, adminCookie, 'POST', path, { operatorId: alice.id }))).toEqual({
      status: 409,
      code: 'conflict',
    });
  });

  it('lets an operator take a queued conversation by assigning it to themselves', async () => {
    const bob = await createOperator(server, 'Bob');
    await setAvailability(server, bob, 'away');
    const bobSocket = await connectOperator(server, bob);
    const chat = await newChat();
    expect(await assigneeOf(chat)).toBeNull();
    const taken = await api<ConversationBody>(
      server,
      await loginCookie(server, bob.email),
      'POST',
      `/api/operator/conversations/${chat}/assign`,
      { operatorId: bob.id },
    );
    expect(taken.body.conversation.assignedOperatorId).toBe(bob.id);
    await settle();
    // Taking it oneself is no news for one's own inbox.
    expect(bobSocket.of('notification.created')).toEqual([]);
  });
});
