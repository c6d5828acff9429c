// Two server processes on one PostgreSQL and one Redis: a visitor on node A and operators on node B
// (and A) chat, run commands, use canned responses, mention each other, search and see who is online.

import type { CannedResponse, OperatorProfile, SearchResultPage, TeamAvailability } from '@livechat/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../commands-harness.ts';
import {
  type Client,
  connectOperator,
  loginCookie,
  newVisitor,
  type Reachable,
  reply,
  SITE_ORIGIN,
  say,
  sync,
} from '../harness.ts';
import { type Cluster, type Node, startCluster } from './chat-nodes.ts';

let cluster: Cluster;
let nodeA: Node;
let nodeB: Node;
let alice: OperatorProfile;
let bob: OperatorProfile;
let carol: OperatorProfile;
const sockets: Client[] = [];
/** Conversations of this test, resolved after it so that Bob stays under his capacity. */
const opened: string[] = [];

beforeAll(async () => {
  cluster = await startCluster();
  const { store } = cluster.db;
  // Before the nodes start, as an admin would set the modules up once.
  await store.settings.saveModules({ helpdesk: true, crm: true });
  await store.helpdesk.createTeam({ name: 'Support', sequence: 10, livechatEnabled: true });
  alice = await cluster.createOperator('Alice', 'admin');
  bob = await cluster.createOperator('Bob');
  carol = await cluster.createOperator('Carol');
  nodeA = await cluster.startNode();
  nodeB = await cluster.startNode();
}, 60_000);

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await cluster?.stop();
});

afterEach(async () => {
  for (const id of opened.splice(0)) {
    expect((await call(nodeB, bob, 'POST', `/api/operator/conversations/${id}/resolve`)).status).toBe(200);
  }
});

/** Presence changes when the node has handled a socket's close, a moment after the client's. */
async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function operatorOn(node: Node, operator: OperatorProfile): Promise<Client> {
  const socket = await connectOperator(node, operator);
  sockets.push(socket);
  return socket;
}

async function call<T>(node: Reachable, operator: OperatorProfile, method: string, path: string, body?: unknown) {
  const response = await fetch(`${node.url}${path}`, {
    method,
    headers: {
      cookie: await loginCookie(node, operator.email),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

const availability = async (node: Node) =>
  (await (
    await fetch(`${node.url}/api/sites/shop/availability`, { headers: { origin: SITE_ORIGIN } })
  ).json()) as TeamAvailability;

/** A visitor on A writes first; the queue hands the conversation to Bob, online on B only. */
async function visitorOnAWithBobOnB() {
  const bobOnB = await operatorOn(nodeB, bob);
  const visitor = await (await newVisitor(nodeA)).connect();
  sockets.push(visitor);
  const first = await say(visitor, 'Hello, my Aurora lamp flickers');
  const conversationId = first.conversationId;
  opened.push(conversationId);
  const listed = await bobOnB.wait(
    'conversation.updated',
    (f) => f.conversation.id === conversationId && f.conversation.assignedOperatorId === bob.id,
  );
  await sync(bobOnB, 0, conversationId);
  return { bobOnB, visitor, conversationId, listed };
}

describe('two nodes behind one database and one Redis', () => {
  it('show the visitor on A the team as online while an operator is connected to B only', async () => {
    expect(await availability(nodeA)).toMatchObject({ state: 'away', reason: 'nobody_online' });
    const bobOnB = await operatorOn(nodeB, bob);
    expect(await availability(nodeA)).toMatchObject({ state: 'online', operators: ['B'] });
    await bobOnB.close();
    const after = await until(
      () => availability(nodeA),
      (team) => team.state === 'away',
    );
    expect(after).toMatchObject({ state: 'away', reason: 'nobody_online', operators: [] });
  });

  it('hand a visitor on A to the operator on B from the queue, and carry their messages both ways', async () => {
    const { bobOnB, visitor, conversationId, listed } = await visitorOnAWithBobOnB();
    expect(listed.conversation.status).toBe('open');

    const answer = await reply(bobOnB, conversationId, 'Sorry to hear that! Which bulb?');
    const heard = await visitor.wait('message.created', (f) => f.message.id === answer.id);
    expect(heard.message).toMatchObject({ body: 'Sorry to hear that! Which bulb?', seq: answer.seq });

    const back = await say(visitor, 'The E14 one');
    const relayed = await bobOnB.wait('message.created', (f) => f.message.id === back.id);
    expect(relayed.message).toMatchObject({ body: 'The E14 one', conversationId, seq: answer.seq + 1 });
    await bobOnB.close();
  });

  it('run /ticket on B and find the ticket with /search_tickets on A', async () => {
    const { bobOnB, conversationId } = await visitorOnAWithBobOnB();
    const made = await runCommand(bobOnB, conversationId, 'ticket', 'Aurora lamp flickers');
    expect(made.status).toBe('ok');
    const link = made.lines.find((line) => line.href?.startsWith('#/tickets/'));
    expect(link?.text).toMatch(/^Aurora lamp flickers \(#\d+\)$/);

    const aliceOnA = await operatorOn(nodeA, alice);
    const found = await runCommand(aliceOnA, conversationId, 'search_tickets', 'aurora');
    expect(found.status).toBe('ok');
    expect(found.lines.filter((line) => line.href === link?.href)).toHaveLength(1);
    await Promise.all([bobOnB.close(), aliceOnA.close()]);
  });

  it('announce a canned response made on A to B, and count its use on B back on A', async () => {
    const { bobOnB, visitor, conversationId } = await visitorOnAWithBobOnB();
    const aliceOnA = await operatorOn(nodeA, alice);
    const made = await call<{ cannedResponse: CannedResponse }>(
      nodeA,
      alice,
      'POST',
      '/api/operator/canned-responses',
      {
        shortcut: 'bulbs',
        substitution: 'Our E14 bulbs are under warranty for two years.',
      },
    );
    expect(made.status).toBe(201);
    const canned = made.body.cannedResponse;
    await bobOnB.wait('canned.changed', (f) => f.cannedResponse.id === canned.id);

    const id = bobOnB.nextId();
    const body = canned.substitution;
    bobOnB.send({ type: 'message.send', id, conversationId, clientId: `canned-${id}`, body, cannedIds: [canned.id] });
    await bobOnB.wait('message.ack', (ack) => ack.id === id);
    await visitor.wait('message.created', (f) => f.message.body === body);
    await aliceOnA.wait('canned.changed', (f) => f.cannedResponse.id === canned.id && f.cannedResponse.useCount === 1);
    await Promise.all([bobOnB.close(), aliceOnA.close()]);
  });

  it('notify an operator on A live when an operator on B mentions them', async () => {
    const { bobOnB, conversationId } = await visitorOnAWithBobOnB();
    const carolOnA = await operatorOn(nodeA, carol);
    const id = bobOnB.nextId();
    bobOnB.send({
      type: 'message.send',
      id,
      conversationId,
      clientId: `mention-${id}`,
      body: '@Carol could you look at this lamp?',
      mentionIds: [carol.id],
      visibility: 'operator',
    });
    const note = (await bobOnB.wait('message.ack', (ack) => ack.id === id)).message;
    const created = await carolOnA.wait('notification.created', (f) => f.notification.messageId === note.id);
    expect(created.notification).toMatchObject({ kind: 'mention', conversationId, authorName: 'Bob' });
    await Promise.all([bobOnB.close(), carolOnA.close()]);
  });

  it('find on B by search what a visitor wrote through A', async () => {
    const { bobOnB, visitor, conversationId } = await visitorOnAWithBobOnB();
    await say(visitor, 'My order number is zephyrine-4471');
    const page = await call<SearchResultPage>(nodeB, bob, 'GET', '/api/operator/search?q=zephyrine');
    expect(page.status).toBe(200);
    expect(page.body.results.map((result) => result.conversation.id)).toEqual([conversationId]);
    await bobOnB.close();
  });
});
