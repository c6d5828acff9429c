// Retention per site: off by default; once set, the job deletes old closed conversations and old page views.

import { ERASED_VISITOR_LABEL, type OperatorProfile, type SiteBody } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { enableModules } from './commands-harness.ts';
import {
  type Client,
  type TestServer,
  type VisitorHandle,
  connectOperator,
  createOperator,
  discard,
  newVisitor,
  say,
  settle,
  startServer,
} from './harness.ts';
import { api, snapshot, widgetCall } from './privacy-harness.ts';
import { countRows, searchFinds } from './stored-rows.ts';

let server: TestServer;
let alice: OperatorProfile;
let ada: OperatorProfile;
let aliceSocket: Client;

const DAY_MS = 24 * 3600 * 1000;
const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();

/** A visitor's conversation, resolved by Alice; its closing moved `closedDaysAgo` back. */
async function closedConversation(visitor: VisitorHandle, text: string, closedDaysAgo: number): Promise<string> {
  const socket = await visitor.connect();
  const { conversationId } = await say(socket, text);
  await aliceSocket.wait('conversation.updated', (frame) => frame.conversation.id === conversationId);
  await socket.close();
  expect((await api(server, alice, 'POST', `/api/operator/conversations/${conversationId}/resolve`)).status).toBe(200);
  await server.sql('UPDATE conversations SET closed_at = ? WHERE id = ?', daysAgo(closedDaysAgo), conversationId);
  return conversationId;
}

async function pageView(visitor: VisitorHandle, url: string, viewedDaysAgo: number): Promise<void> {
  await widgetCall(server, visitor, 'page-views', { url });
  await server.sql('UPDATE page_views SET viewed_at = ? WHERE url = ?', daysAgo(viewedDaysAgo), url);
}

const setRetention = (body: unknown) =>
  api<SiteBody>(server, ada, 'PATCH', '/api/admin/sites/shop', { retention: body });

beforeEach(async () => {
  server = await startServer();
  await enableModules(server, { helpdesk: true, crm: false });
  alice = await createOperator(server, 'Alice');
  ada = await createOperator(server, 'Ada', 'admin');
  aliceSocket = await connectOperator(server, alice);
});
afterEach(async () => {
  await discard(server);
});

describe('the retention setting', () => {
  it('is off by default and takes 1–3650 days or null for each limit', async () => {
    const created = await api<SiteBody>(server, ada, 'POST', '/api/admin/sites', { name: 'Other', allowedOrigins: [] });
    expect(created.body.site.retention).toEqual({ conversationsDays: null, pageViewsDays: null });
    const set = await setRetention({ conversationsDays: 30, pageViewsDays: 3650 });
    expect(set.status).toBe(200);
    expect(set.body.site.retention).toEqual({ conversationsDays: 30, pageViewsDays: 3650 });
    // One limit alone changes only that one.
    expect((await setRetention({ pageViewsDays: null })).body.site.retention).toEqual({
      conversationsDays: 30,
      pageViewsDays: null,
    });
  });

  it('refuses a wrong number of days with 400, changing nothing', async () => {
    await setRetention({ conversationsDays: 30 });
    const before = await snapshot(server);
    for (const wrong of [
      { conversationsDays: 0 },
      { pageViewsDays: 3651 },
      { conversationsDays: 1.5 },
      { conversationsDays: '30' },
      { years: 1 },
    ]) {
      const answer = await setRetention(wrong);
      expect(answer.status).toBe(400);
      expect((answer.body as unknown as { error: { code: string } }).error.code).toBe('bad_request');
    }
    expect(await snapshot(server)).toEqual(before);
  });
});

describe('the retention job', () => {
  it('deletes nothing while retention is off', async () => {
    await closedConversation(await newVisitor(server), 'An old question', 4000);
    const before = await snapshot(server);
    expect(await server.app.retention.run()).toEqual([]);
    expect(await snapshot(server)).toEqual(before);
  });

  it('deletes conversations closed and page views older than the limits, keeping tickets redacted', async () => {
    const old = await newVisitor(server);
    const oldId = await closedConversation(old, 'My old lamp order', 40);
    await ticketFrom(oldId, 'Old lamp order');
    const recentId = await closedConversation(await newVisitor(server), 'A recent question', 10);
    const waiting = await newVisitor(server);
    const openSocket = await waiting.connect();
    const openId = (await say(openSocket, 'Still waiting')).conversationId;
    await server.sql('UPDATE conversations SET created_at = ? WHERE id = ?', daysAgo(100), openId);
    await pageView(old, 'http://shop.test/old-page', 8);
    await pageView(old, 'http://shop.test/new-page', 1);
    await setRetention({ conversationsDays: 30, pageViewsDays: 7 });

    expect(await searchFinds(server, 'lamp')).toContain(oldId);
    const [deleted] = await server.app.retention.run();
    expect(deleted).toMatchObject({ siteId: 'shop', conversations: 1, pageViews: 1, redactedRecords: 1 });
    await aliceSocket.wait('conversation.removed', (frame) => frame.conversationId === oldId);
    const ids = (await server.sql<{ id: string }>('SELECT id FROM conversations ORDER BY id')).map((row) => row.id);
    expect(ids).toEqual([recentId, openId].sort());
    expect(await countRows(server, 'messages WHERE conversation_id = ?', oldId)).toBe(0);
    expect(await searchFinds(server, 'lamp')).toEqual([]);
    expect(await server.sql('SELECT url FROM page_views')).toEqual([{ url: 'http://shop.test/new-page' }]);
    expect(await server.sql('SELECT title, description FROM tickets')).toEqual([
      { title: 'Old lamp order', description: ERASED_VISITOR_LABEL },
    ]);
    // The visitor stays, with what is recent.
    expect(await server.sql('SELECT id FROM visitors WHERE id = ?', old.visitorId)).toHaveLength(1);
  });

  it('lets a visitor still connected write again after their old conversation was deleted', async () => {
    const visitor = await newVisitor(server);
    const socket = await visitor.connect();
    const { conversationId } = await say(socket, 'First question');
    await aliceSocket.wait('conversation.updated', (frame) => frame.conversation.id === conversationId);
    expect((await api(server, alice, 'POST', `/api/operator/conversations/${conversationId}/resolve`)).status).toBe(
      200,
    );
    await server.sql('UPDATE conversations SET closed_at = ? WHERE id = ?', daysAgo(40), conversationId);
    await setRetention({ conversationsDays: 30 });
    await server.app.retention.run();
    const next = await say(socket, 'A new question');
    expect(next.conversationId).not.toBe(conversationId);
    expect(await server.sql('SELECT body FROM messages WHERE author_kind = ?', 'visitor')).toEqual([
      { body: 'A new question' },
    ]);
  });

  it('runs once soon after the server starts', async () => {
    await closedConversation(await newVisitor(server), 'An old question', 400);
    await setRetention({ conversationsDays: 365 });
    await server.stop();
    server = await startServer({ retentionStartDelayMs: 50, databaseUrl: server.databaseUrl }, server.dataDir);
    for (let i = 0; i < 50 && (await server.sql('SELECT id FROM conversations')).length > 0; i += 1) await settle(100);
    expect(await server.sql('SELECT id FROM conversations')).toEqual([]);
  });
});

async function ticketFrom(conversationId: string, title: string): Promise<void> {
  // A closed conversation takes no command: the ticket is made first, as an operator would before resolving.
  const team = await server.app.store.helpdesk.livechatTeam();
  if (!team) throw new Error('no live chat team');
  await server.app.store.helpdesk.createTicket({
    title,
    description: 'Visitor: My old lamp order',
    customerName: null,
    customerEmail: null,
    teamId: team.id,
    conversationId,
    createdBy: alice.id,
  });
}
