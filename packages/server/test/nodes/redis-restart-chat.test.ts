// Redis restarts while a visitor on node A and an operator on node B chat: what the bus lost while it
// was away is read from the database once it is back, with no later message needed to reveal the gap.

import type { OperatorProfile, TeamAvailability } from '@livechat/protocol';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Client, connectOperator, newVisitor, SITE_ORIGIN, say, sync } from '../harness.ts';
import { type Cluster, type Node, startCluster } from './chat-nodes.ts';

let cluster: Cluster;
let nodeA: Node;
let nodeB: Node;
let bob: OperatorProfile;
const sockets: Client[] = [];

beforeAll(async () => {
  cluster = await startCluster();
  bob = await cluster.createOperator('Bob');
  await cluster.db.store.operators.updateMember(bob.id, { capacity: 50 });
  nodeA = await cluster.startNode();
  nodeB = await cluster.startNode();
}, 60_000);

afterEach(async () => {
  await Promise.all(sockets.splice(0).map((socket) => socket.close()));
});

afterAll(async () => {
  await cluster?.stop();
});

async function track(connecting: Promise<Client>): Promise<Client> {
  const socket = await connecting;
  sockets.push(socket);
  return socket;
}

/** A visitor on A whose conversation the queue gave to Bob on B, who has it open. */
async function chatting() {
  const bobOnB = await track(connectOperator(nodeB, bob));
  const visitor = await track((await newVisitor(nodeA)).connect());
  const first = await say(visitor, 'Hello, is my parcel on its way?');
  const { conversationId } = first;
  await bobOnB.wait('conversation.updated', (f) => f.conversation.id === conversationId);
  await sync(bobOnB, 0, conversationId);
  return { bobOnB, visitor, conversationId };
}

/** Sends without waiting for the ack, which may come only once Redis (and its limit counters) is back. */
function send(client: Client, frame: Record<string, unknown>): Promise<number> {
  const id = client.nextId();
  client.send({ ...frame, id, clientId: `c-${id}-${Date.now()}` });
  return client.wait('message.ack', (ack) => ack.id === id, 20_000).then((ack) => ack.message.seq);
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('a Redis restart while two nodes serve a chat', () => {
  it('brings each side what the other sent while Redis was away, with nothing sent after', async () => {
    const { bobOnB, visitor, conversationId } = await chatting();
    await cluster.redis.down();
    const fromVisitor = [1, 2, 3].map((n) => send(visitor, { type: 'message.send', body: `away ${n}` }));
    const fromBob = send(bobOnB, {
      type: 'message.send',
      conversationId,
      body: 'Yes, it left today',
      visibility: 'public',
    });
    await cluster.redis.up();
    const seqs = await Promise.all([...fromVisitor, fromBob]);

    for (const n of [1, 2, 3]) await bobOnB.wait('message.created', (f) => f.message.body === `away ${n}`, 15_000);
    await visitor.wait('message.created', (f) => f.message.body === 'Yes, it left today', 15_000);
    // Bob was given every seq of the conversation once: by his sync, live, or as the ack of his own.
    const toBob = [
      ...bobOnB.of('sync.result').flatMap((f) => f.messages.map((m) => m.seq)),
      ...bobOnB.of('message.created').map((f) => f.message.seq),
      ...bobOnB.of('message.ack').map((f) => f.message.seq),
    ].sort((a, b) => a - b);
    const lastSeq = (await cluster.db.store.conversations.byId(conversationId))?.lastSeq;
    expect(lastSeq).toBe(Math.max(...seqs));
    expect(toBob).toEqual(Array.from({ length: lastSeq ?? 0 }, (_, i) => i + 1));

    // And the chat goes on over the bus as before.
    const after = await say(visitor, 'Great, thanks');
    await bobOnB.wait('message.created', (f) => f.message.id === after.id);
  }, 40_000);

  it('counts the operator on B online again for the visitor on A once Redis is back', async () => {
    await track(connectOperator(nodeB, bob));
    await cluster.redis.restart();
    const team = await until(
      async () =>
        (await (
          await fetch(`${nodeA.url}/api/sites/shop/availability`, { headers: { origin: SITE_ORIGIN } })
        ).json()) as TeamAvailability,
      (answer) => answer.state === 'online',
    );
    expect(team.operators).toEqual(['B']);
  });

  it('hands the operator on B a conversation opened on A while Redis was away', async () => {
    const bobOnB = await track(connectOperator(nodeB, bob));
    const visitor = await track((await newVisitor(nodeA)).connect());
    await cluster.redis.down();
    const first = send(visitor, { type: 'message.send', body: 'Anyone there?' });
    await cluster.redis.up();
    await first;
    const conversationId = (visitor.of('message.ack').at(-1) as { message: { conversationId: string } }).message
      .conversationId;
    const listed = await bobOnB.wait(
      'conversation.updated',
      (f) => f.conversation.id === conversationId && f.conversation.assignedOperatorId === bob.id,
      15_000,
    );
    expect(listed.conversation.status).toBe('open');
  }, 40_000);
});
