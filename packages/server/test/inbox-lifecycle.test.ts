// Conversations end: an operator resolves one, the visitor ends one; system lines, the closed state,
// the visitor's next conversation and the earlier ones an operator may read.

import type { ConversationBody, ConversationSummary, VisitorConversationList } from '@livechat/protocol';
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

const resolve = async (cookie: string, conversationId: string) =>
  api<ConversationBody>(server, cookie, 'POST', `/api/operator/conversations/${conversationId}/resolve`);

describe('resolving', () => {
  it('tells the visitor with a system line, closes the conversation, and the next message starts a new one', async () => {
    const alice = await createOperator(server, 'Alice');
    const aliceSocket = await connectOperator(server, alice);
    const cookie = await loginCookie(server, alice.email);
    const handle = await newVisitor(server);
    const [tab, otherTab] = [await handle.connect(), await handle.connect()];
    const first = await say(tab, 'Where is my parcel?');

    const resolved = await resolve(cookie, first.conversationId);
    expect(resolved.status).toBe(200);
    expect(resolved.body.conversation).toMatchObject({ id: first.conversationId, status: 'closed' });
    expect(resolved.body.conversation.closedAt).toEqual(expect.any(String));

    for (const visitor of [tab, otherTab]) {
      const line = await visitor.wait(
        'message.created',
        (f) => f.message.author.kind === 'system' && f.message.system?.event === 'resolved',
      );
      expect(line.message).toMatchObject({
        body: 'Alice resolved the conversation',
        visibility: 'public',
        system: { event: 'resolved', name: 'Alice' },
      });
      // Stored before it was announced.
      expect(await server.sql('SELECT body FROM messages WHERE id = ?', line.message.id)).toHaveLength(1);
      await visitor.wait('conversation.closed', (f) => f.conversationId === first.conversationId);
    }
    // The line comes before the closing frame.
    const types = tab.frames.map((f) =>
      f.type === 'message.created' ? `line:${f.message.system?.event ?? ''}` : f.type,
    );
    expect(types.indexOf('line:resolved')).toBeLessThan(types.indexOf('conversation.closed'));
    expect(await server.sql('SELECT status, closed_at FROM conversations')).toEqual([
      { status: 'closed', closed_at: expect.any(String) },
    ]);
    // Alice's list hears it closed (it leaves Mine for Resolved).
    const update = await aliceSocket.wait('conversation.updated', (f) => f.conversation.status === 'closed');
    expect(update.conversation.closedAt).toEqual(expect.any(String));

    expect(refusal(await resolve(cookie, first.conversationId))).toEqual({ status: 409, code: 'conflict' });

    const next = await say(tab, 'One more question');
    expect(next.conversationId).not.toBe(first.conversationId);
    expect(next.seq).toBe(1);
    const past = await api<VisitorConversationList>(
      server,
      cookie,
      'GET',
      `/api/operator/visitors/${handle.visitorId}/conversations`,
    );
    expect(past.body.conversations.map((c) => [c.id, c.status])).toEqual([
      [next.conversationId, 'open'],
      [first.conversationId, 'closed'],
    ]);
    // The earlier conversation stays readable to the operator who resolved it.
    const messages = await api<{ messages: Array<{ body: string }> }>(
      server,
      cookie,
      'GET',
      `/api/operator/conversations/${first.conversationId}/messages`,
    );
    expect(messages.body.messages.map((m) => m.body)).toEqual([
      'Where is my parcel?',
      'Alice joined',
      'Alice resolved the conversation',
    ]);
  });

  it('closes a conversation resolved twice at once one time: one line, the other refused', async () => {
    const alice = await createOperator(server, 'Alice');
    await connectOperator(server, alice);
    const handle = await newVisitor(server);
    const first = await say(await handle.connect(), 'Where is my parcel?');

    // Both start in the same turn, so that each reads the conversation open before either closes it.
    const both = await Promise.allSettled([
      server.app.conversations.resolve(alice, first.conversationId),
      server.app.conversations.resolve(alice, first.conversationId),
    ]);
    expect(both.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = both.find((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'conflict' });
    const lines = await server.sql(
      "SELECT body FROM messages WHERE conversation_id = ? AND system_event = 'resolved'",
      first.conversationId,
    );
    expect(lines).toEqual([{ body: 'Alice resolved the conversation' }]);
  });

  it('shows past conversations only to operators who may read them', async () => {
    const alice = await createOperator(server, 'Alice');
    const bob = await createOperator(server, 'Bob');
    const admin = await createOperator(server, 'Ada', 'admin');
    await connectOperator(server, alice);
    const handle = await newVisitor(server);
    const visitor = await handle.connect();
    const first = await say(visitor, 'hello');
    expect((await resolve(await loginCookie(server, alice.email), first.conversationId)).status).toBe(200);
    const path = `/api/operator/visitors/${handle.visitorId}/conversations`;
    const seenBy = async (operator: { email: string }) =>
      (
        await api<VisitorConversationList>(server, await loginCookie(server, operator.email), 'GET', path)
      ).body.conversations.map((c: ConversationSummary) => c.id);
    expect(await seenBy(bob)).toEqual([]);
    expect(await seenBy(admin)).toEqual([first.conversationId]);
    const bobCookie = await loginCookie(server, bob.email);
    const read = await api(server, bobCookie, 'GET', `/api/operator/conversations/${first.conversationId}/messages`);
    expect(refusal(read)).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await resolve(bobCookie, first.conversationId))).toEqual({ status: 403, code: 'forbidden' });
  });

  it('keeps a queued conversation its resolver ended in their Resolved view', async () => {
    const alice = await createOperator(server, 'Alice');
    const visitor = await (await newVisitor(server)).connect();
    const { conversationId } = await say(visitor, 'spam spam spam');
    const cookie = await loginCookie(server, alice.email);
    expect((await resolve(cookie, conversationId)).body.conversation.assignedOperatorId).toBe(alice.id);
    const resolved = await api<{ conversations: ConversationSummary[] }>(
      server,
      cookie,
      'GET',
      '/api/operator/conversations?view=resolved',
    );
    expect(resolved.body.conversations.map((c) => c.id)).toEqual([conversationId]);
    const lines = await server.sql<{ body: string }>('SELECT body FROM messages ORDER BY seq');
    expect(lines.map((l) => l.body)).toEqual(['spam spam spam', 'Alice resolved the conversation']);
  });
});

describe('the visitor ending it', () => {
  it('stores "The visitor ended the conversation", closes it and tells every tab', async () => {
    const alice = await createOperator(server, 'Alice');
    const aliceSocket = await connectOperator(server, alice);
    const handle = await newVisitor(server);
    const [tab, otherTab] = [await handle.connect(), await handle.connect()];
    const first = await say(tab, 'Thanks, that is all');
    await sync(aliceSocket, 0, first.conversationId);

    tab.send({ type: 'conversation.end', id: 'end-1' });
    for (const visitor of [tab, otherTab]) {
      const line = await visitor.wait('message.created', (f) => f.message.system?.event === 'ended');
      expect(line.message).toMatchObject({ body: 'The visitor ended the conversation', author: { kind: 'system' } });
      await visitor.wait('conversation.closed');
    }
    const seen = await aliceSocket.wait('message.created', (f) => f.message.system?.event === 'ended');
    expect(seen.message.body).toBe('The visitor ended the conversation');
    await aliceSocket.wait('conversation.updated', (f) => f.conversation.status === 'closed');

    tab.send({ type: 'conversation.end', id: 'end-2' });
    const refused = await tab.wait('error', (f) => f.frameId === 'end-2');
    expect(refused.code).toBe('conflict');
    expect((await say(tab, 'new question')).conversationId).not.toBe(first.conversationId);
  });
});

describe('system lines', () => {
  it('says who joined once, and never tells the visitor about /leave', async () => {
    const alice = await createOperator(server, 'Alice', 'admin');
    const aliceSocket = await connectOperator(server, alice);
    const visitor = await (await newVisitor(server)).connect();
    const first = await say(visitor, 'hi');
    await visitor.wait('message.created', (f) => f.message.body === 'Alice joined');

    const result = await runCommand(aliceSocket, first.conversationId, 'leave');
    expect(result.status).toBe('ok');
    // The answer comes before the notice that the conversation left her list.
    await aliceSocket.wait('conversation.removed', (f) => f.conversationId === first.conversationId);
    const order = aliceSocket.frames.map((f) => f.type);
    expect(order.lastIndexOf('command.result')).toBeLessThan(order.lastIndexOf('conversation.removed'));

    // Coming back by answering says nothing new.
    const id = aliceSocket.nextId();
    aliceSocket.send({
      type: 'message.send',
      id,
      conversationId: first.conversationId,
      clientId: 'back',
      body: 'back',
    });
    await aliceSocket.wait('message.ack', (f) => f.id === id);
    await visitor.wait('message.created', (f) => f.message.body === 'back');
    await settle();
    const lines = visitor.of('message.created').filter((f) => f.message.author.kind === 'system');
    expect(lines.map((f) => f.message.body)).toEqual(['Alice joined']);
    expect(JSON.stringify(visitor.frames)).not.toMatch(/leave|left/i);
  });
});
