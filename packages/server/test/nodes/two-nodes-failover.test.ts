// Node A dies (SIGKILL) while visitors chat through a balancer in front of two nodes: they reconnect to
// node B, resume by seq and resend what was not acknowledged, and nothing acknowledged is missing or doubled.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OperatorProfile } from '@livechat/protocol';
import { type Client, connectOperator, newVisitor, reply, visitorUrl } from '../harness.ts';
import { type Balancer, startBalancer } from './balancer.ts';
import { type Cluster, type Node, startCluster } from './chat-nodes.ts';
import { ResumingVisitor } from './resuming-visitor.ts';

const VISITORS = 6;
const MESSAGES = 30;
/** Messages each visitor has acknowledged before node A is killed: the rest are sent around and after it. */
const BEFORE_KILL = 8;
/** Replies the operator on node B sends to each conversation, before, around and after the kill. */
const REPLIES = 10;

let cluster: Cluster;
let nodeA: Node;
let nodeB: Node;
let balancer: Balancer;
let bob: OperatorProfile;

beforeAll(async () => {
  cluster = await startCluster();
  bob = await cluster.createOperator('Bob');
  await cluster.db.store.operators.updateMember(bob.id, { capacity: 50 });
  nodeA = await cluster.startNode();
  nodeB = await cluster.startNode();
  balancer = await startBalancer([nodeA.port, nodeB.port]);
}, 60_000);

afterAll(async () => {
  await balancer?.close();
  await cluster?.stop();
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(done: () => boolean): Promise<void> {
  while (!done()) await pause(10);
}

/** Sends one message after another, keeping a few unacknowledged, as a fast typist's widget would. */
async function chatter(visitor: ResumingVisitor): Promise<void> {
  for (let n = 1; n <= MESSAGES; n++) {
    await until(() => visitor.unacknowledged < 3);
    visitor.send(n);
    await pause(5);
  }
  await until(() => visitor.acknowledged.size === MESSAGES);
}

/** Bob, on node B itself, answers each conversation once it is his, now and then, all along. */
async function answering(bobOnB: Client, visitors: readonly ResumingVisitor[]): Promise<void> {
  const conversations = await Promise.all(
    visitors.map(async (visitor) => {
      await until(() => visitor.conversationId !== null);
      const id = visitor.conversationId as string;
      await bobOnB.wait(
        'conversation.updated',
        (f) => f.conversation.id === id && f.conversation.assignedOperatorId === bob.id,
      );
      return id;
    }),
  );
  for (let n = 1; n <= REPLIES; n++) {
    await Promise.all(conversations.map((id) => reply(bobOnB, id, `Bob answers ${n}`)));
    await pause(20);
  }
}

async function storedVisitorLines(conversationId: string) {
  const messages = await cluster.db.store.messages.after(conversationId, 0, 1000);
  return messages.filter((message) => message.author.kind === 'visitor');
}

describe('a node killed while its visitors chat', () => {
  it('loses and doubles nothing acknowledged, and each visitor sees every seq once, the others’ in order', async () => {
    const visitors: ResumingVisitor[] = [];
    for (let i = 0; i < VISITORS; i++) {
      const { token } = await newVisitor(balancer);
      const visitor = new ResumingVisitor(visitorUrl(balancer, token), `v${i}`);
      await visitor.connect();
      visitors.push(visitor);
    }
    // Round robin without stickiness put visitors on both nodes.
    expect(balancer.handed.get(nodeA.port)).toBeGreaterThan(0);
    expect(balancer.handed.get(nodeB.port)).toBeGreaterThan(0);

    const bobOnB = await connectOperator(nodeB, bob);
    const chatting = [...visitors.map(chatter), answering(bobOnB, visitors)];
    await until(() => visitors.every((visitor) => visitor.acknowledged.size >= BEFORE_KILL));
    await nodeA.kill();
    await Promise.all(chatting);

    // Those on A came back, through the balancer, to B.
    expect(visitors.some((visitor) => visitor.reconnects > 0)).toBe(true);
    for (const visitor of visitors) {
      const conversationId = visitor.conversationId as string;
      const last = (await cluster.db.store.conversations.byId(conversationId))?.lastSeq ?? 0;
      // Bob's last answers may still be on their way to the visitor.
      await until(() => visitor.lastSeq >= last);
      expect(
        [...visitor.seen].sort((a, b) => a - b),
        visitor.log.join(', '),
      ).toEqual(Array.from({ length: last }, (_, i) => i + 1));
      expect(visitor.streamed).toEqual([...visitor.streamed].sort((a, b) => a - b));
      const stored = await storedVisitorLines(conversationId);
      const byClientId = stored.map((message) => message.clientId).sort();
      expect(byClientId).toEqual([...visitor.acknowledged.keys()].sort());
      for (const message of stored) expect(visitor.acknowledged.get(message.clientId as string)).toBe(message.seq);
      const answers = await cluster.db.store.messages.after(conversationId, 0, 1000);
      expect(answers.filter((message) => message.author.kind === 'operator')).toHaveLength(REPLIES);
    }
    for (const visitor of visitors) visitor.close();
    await bobOnB.close();
  }, 60_000);
});
