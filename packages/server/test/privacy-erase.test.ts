// Export and erase a visitor (admins): one JSON file of everything stored, then nothing left but redacted references.

import {
  CLOSE_SESSION_ENDED,
  ERASED_VISITOR_LABEL,
  type OperatorProfile,
  type VisitorExport,
} from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableModules, runCommand } from './commands-harness.ts';
import {
  type Client,
  type TestServer,
  type VisitorHandle,
  connectOperator,
  createOperator,
  discard,
  newVisitor,
  reply,
  say,
  settle,
  startServer,
  sync,
} from './harness.ts';
import { api, everything, snapshot, widgetCall } from './privacy-harness.ts';
import { countRows, jsonValue, searchFinds } from './stored-rows.ts';

let server: TestServer;
let alice: OperatorProfile;
let ada: OperatorProfile;
let aliceSocket: Client;
let vera: VisitorHandle;
let veraSocket: Client;
let otto: VisitorHandle;
let resolvedId: string;
let openId: string;
let ottoConversationId: string;

const closedWith = (client: Client) =>
  new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket stayed open')), 5000);
    client.socket.once('close', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

/** Vera, with a contact, page views, a resolved and rated conversation (ticket, lead, note, transcript email) and an open one; Otto beside her. */
beforeEach(async () => {
  server = await startServer();
  await enableModules(server, { helpdesk: true, crm: true });
  alice = await createOperator(server, 'Alice');
  ada = await createOperator(server, 'Ada', 'admin');
  aliceSocket = await connectOperator(server, alice);

  vera = await newVisitor(server);
  await widgetCall(server, vera, 'contact', { name: 'Vera Quince', email: 'vera@example.com' });
  await widgetCall(server, vera, 'page-views', { url: 'http://shop.test/lamps/zanzibar', title: 'Zanzibar lamp' });
  veraSocket = await vera.connect();
  resolvedId = (await say(veraSocket, 'Is the Zanzibar lamp dimmable?')).conversationId;
  await aliceSocket.wait('conversation.updated', (frame) => frame.conversation.id === resolvedId);
  await sync(aliceSocket, 0, resolvedId);
  await reply(aliceSocket, resolvedId, 'Yes, with any trailing-edge dimmer.');
  await reply(aliceSocket, resolvedId, 'Vera asked before, see Zanzibar notes', 'operator');
  // A note mentioning Ada: a mention and a notification about the conversation.
  const noteId = aliceSocket.nextId();
  aliceSocket.send({
    type: 'message.send',
    id: noteId,
    conversationId: resolvedId,
    clientId: 'note-ada',
    body: '@Ada the Zanzibar dimmer list?',
    visibility: 'operator',
    mentionIds: [ada.id],
  });
  await aliceSocket.wait('message.ack', (ack) => ack.id === noteId);
  for (let i = 0; i < 50 && (await countRows(server, 'notifications')) === 0; i += 1) await settle(20);
  expect(await server.sql('SELECT kind FROM notifications')).toEqual([{ kind: 'mention' }]);
  await runCommand(aliceSocket, resolvedId, 'ticket', 'Dimmer question');
  await runCommand(aliceSocket, resolvedId, 'lead', 'Lamp buyer');
  await server.app.store.outbox.add(
    {
      kind: 'transcript',
      to: 'vera@example.com',
      subject: 'Your chat',
      text: 'Zanzibar lamp',
      conversationId: resolvedId,
    },
    'kept',
  );
  expect((await api(server, alice, 'POST', `/api/operator/conversations/${resolvedId}/resolve`)).status).toBe(200);
  await widgetCall(server, vera, `conversations/${resolvedId}/rating`, { value: 'good', comment: 'Zanzibar fan' });
  openId = (await say(veraSocket, 'One more Zanzibar question')).conversationId;
  await aliceSocket.wait('conversation.updated', (frame) => frame.conversation.id === openId);

  otto = await newVisitor(server);
  const ottoSocket = await otto.connect();
  ottoConversationId = (await say(ottoSocket, 'Do you ship to Oslo?')).conversationId;
  await ottoSocket.close();
});
afterEach(async () => {
  await discard(server);
});

describe('export', () => {
  it('gives admins one JSON file with the contact, conversations, notes, ratings and page views', async () => {
    const answer = await api<VisitorExport>(server, ada, 'GET', `/api/admin/visitors/${vera.visitorId}/export`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-disposition')).toBe(`attachment; filename="visitor-${vera.visitorId}.json"`);
    const exported = answer.body;
    expect(exported.siteId).toBe('shop');
    expect(exported.visitor).toMatchObject({ id: vera.visitorId, name: 'Vera Quince', email: 'vera@example.com' });
    expect(exported.visitor.createdAt).toMatch(/^\d{4}-/);
    expect(exported.conversations.map((c) => c.id).sort()).toEqual([openId, resolvedId].sort());
    const resolved = exported.conversations.find((c) => c.id === resolvedId);
    expect(resolved?.status).toBe('closed');
    expect(resolved?.closedAt).not.toBeNull();
    expect(resolved?.rating).toMatchObject({ value: 'good', comment: 'Zanzibar fan' });
    const bodies = resolved?.messages.map((m) => m.body) ?? [];
    expect(bodies).toContain('Is the Zanzibar lamp dimmable?');
    expect(bodies).toContain('Vera asked before, see Zanzibar notes');
    expect(exported.pageViews).toEqual([expect.objectContaining({ url: 'http://shop.test/lamps/zanzibar' })]);
    expect(JSON.stringify(exported)).not.toContain('Oslo');
  });

  it('is refused to operators (403) and answers 404 for an unknown visitor', async () => {
    const refused = await api<{ error: { code: string } }>(
      server,
      alice,
      'GET',
      `/api/admin/visitors/${vera.visitorId}/export`,
    );
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    expect((await api(server, ada, 'GET', '/api/admin/visitors/nobody-here-at-all-xx/export')).status).toBe(404);
  });
});

describe('erase', () => {
  it('changes nothing when refused: an operator, a wrong confirmation, a bad body', async () => {
    const before = await snapshot(server);
    const path = `/api/admin/visitors/${vera.visitorId}/erase`;
    const byOperator = await api<{ error: { code: string } }>(server, alice, 'POST', path, { confirm: vera.visitorId });
    expect(byOperator.status).toBe(403);
    const wrong = await api<{ error: { code: string } }>(server, ada, 'POST', path, { confirm: otto.visitorId });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('bad_request');
    expect((await api(server, ada, 'POST', path, {})).status).toBe(400);
    expect((await api(server, ada, 'POST', path, { confirm: vera.visitorId, also: 1 })).status).toBe(400);
    expect(await snapshot(server)).toEqual(before);
  });

  it('deletes everything about the visitor, closes their sockets and lists, and keeps redacted tickets and leads', async () => {
    // Searching finds her words before, so that finding none after means they are gone.
    for (const word of ['zanzibar', 'vera', 'quince']) expect(await searchFinds(server, word)).toContain(resolvedId);
    const closed = closedWith(veraSocket);
    const answer = await api(server, ada, 'POST', `/api/admin/visitors/${vera.visitorId}/erase`, {
      confirm: vera.visitorId,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      visitorId: vera.visitorId,
      conversations: 2,
      pageViews: 1,
      redactedRecords: 2,
    });
    expect((answer.body as { messages: number }).messages).toBeGreaterThanOrEqual(5);
    expect(await closed).toBe(CLOSE_SESSION_ENDED);
    await aliceSocket.wait('conversation.removed', (frame) => frame.conversationId === openId);
    await aliceSocket.wait('conversation.removed', (frame) => frame.conversationId === resolvedId);

    expect(await server.sql('SELECT * FROM notifications')).toEqual([]);
    expect(await server.sql('SELECT * FROM conversation_mentions')).toEqual([]);
    expect(await server.sql('SELECT * FROM email_outbox')).toEqual([]);
    // Nothing in any table names her or repeats what she wrote or viewed; the audit log keeps her
    // id only, with the counts.
    const stored = await everything(server, ['audit_log']);
    for (const trace of [vera.visitorId, 'Vera', 'vera@example.com', 'Zanzibar', resolvedId, openId]) {
      expect(stored).not.toContain(trace);
    }
    for (const word of ['zanzibar', 'vera', 'quince']) {
      expect(await searchFinds(server, word)).toEqual([]);
    }
    expect(await server.sql('SELECT title, customer_name, customer_email, description FROM tickets')).toEqual([
      {
        title: 'Dimmer question',
        customer_name: ERASED_VISITOR_LABEL,
        customer_email: ERASED_VISITOR_LABEL,
        description: ERASED_VISITOR_LABEL,
      },
    ]);
    expect(await server.sql('SELECT title, contact_name, contact_email, internal_notes FROM leads')).toEqual([
      {
        title: 'Lamp buyer',
        contact_name: ERASED_VISITOR_LABEL,
        contact_email: ERASED_VISITOR_LABEL,
        internal_notes: ERASED_VISITOR_LABEL,
      },
    ]);
    // Her token opens nothing any more; Otto is untouched.
    await expect(vera.connect()).rejects.toThrow(/upgrade refused/);
    expect(await server.sql('SELECT id FROM conversations')).toEqual([{ id: ottoConversationId }]);
    expect(stored).toContain('Do you ship to Oslo?');
    const logged = await server.sql<{ details: unknown }>(
      'SELECT action, target_id, target_label, details FROM audit_log',
    );
    expect(logged.map((row) => ({ ...row, details: jsonValue(row.details) }))).toEqual([
      {
        action: 'visitor.erased',
        target_id: vera.visitorId,
        target_label: null,
        details: {
          conversations: 2,
          messages: (answer.body as { messages: number }).messages,
          pageViews: 1,
          redactedRecords: 2,
        },
      },
    ]);
    const again = await api(server, ada, 'POST', `/api/admin/visitors/${vera.visitorId}/erase`, {
      confirm: vera.visitorId,
    });
    expect(again.status).toBe(404);
  });
});
