// Replies the visitor did not see go to them by email: once, grouped, never a note, with a link and a
// reply address carrying a token for that conversation; replies they read stay in the chat.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkConversationToken } from '../src/mail/conversation-token.ts';
import { chatWithAlice, flush, replyRows, startMailServer, until } from './mail-out-harness.ts';
import { readMail, startSmtpServer, type TestSmtp } from './smtp.ts';
import { call } from './away-harness.ts';
import { discard, loginCookie, reply, settle, type TestServer } from './harness.ts';

let smtp: TestSmtp;
let server: TestServer;
beforeEach(async () => {
  smtp = await startSmtpServer();
  server = await startMailServer({ smtpUrl: smtp.url });
});
afterEach(async () => {
  await discard(server);
  await smtp.close();
});

const emailedThrough = async (conversationId: string) =>
  (
    await server.sql<{ seq: number }>(
      'SELECT emailed_through_seq AS seq FROM conversations WHERE id = ?',
      conversationId,
    )
  )[0]?.seq;

describe('an unseen reply', () => {
  it('is emailed once, after the delay, from the site, with every reply and how to answer', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    const sent = await reply(aliceSocket, conversationId, 'Yes, we have three left.');
    // Within the delay nothing goes out.
    expect(smtp.received).toHaveLength(0);

    const mail = await until(() => smtp.received[0]);
    expect(mail.to).toEqual(['jo@example.com']);
    const { headers, text } = readMail(mail.raw);
    expect(headers.get('from')).toBe('Shop <livechat@localhost>');
    expect(headers.get('subject')).toBe('New reply from Shop');
    expect(text).toContain('Alice, ');
    expect(text).toContain('  Yes, we have three left.');
    expect(text).toContain('replying to this email');

    await until(async () => (await replyRows(server))[0]?.status === 'sent');
    await settle(400);
    expect(smtp.received).toHaveLength(1);
    expect(await replyRows(server)).toEqual([
      { to_address: 'jo@example.com', status: 'sent', subject: 'New reply from Shop' },
    ]);
    expect(await emailedThrough(conversationId)).toBe(sent.seq);
  });

  it('carries a token for its conversation in the link to the last page and in the reply address', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    await reply(aliceSocket, conversationId, 'It ships tomorrow.');
    const { headers, text } = readMail((await until(() => smtp.received[0])).raw);

    const link = /(\S+)#livechat=([a-z2-7]+)/.exec(text);
    expect(link?.[1]).toBe('http://shop.test/lamps/blue?size=2');
    const replyTo = /^reply\+([a-z2-7]+)@chat\.test$/.exec(headers.get('reply-to') ?? '');
    const key = await server.app.store.settings.signingKey('conversation');
    for (const token of [link?.[2], replyTo?.[1]]) {
      expect(checkConversationToken(key, token ?? '')).toMatchObject({ ok: true, conversationId });
    }
  });

  it('makes one email of three replies in a row, oldest first', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    await reply(aliceSocket, conversationId, 'First: yes.');
    await reply(aliceSocket, conversationId, 'Second: in blue.');
    const third = await reply(aliceSocket, conversationId, 'Third: free delivery.');

    const { headers, text } = readMail((await until(() => smtp.received[0])).raw);
    expect(headers.get('subject')).toBe('New replies from Shop');
    const at = ['First: yes.', 'Second: in blue.', 'Third: free delivery.'].map((line) => text.indexOf(line));
    expect(at.every((index) => index > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    await settle(400);
    expect(smtp.received).toHaveLength(1);
    expect(await emailedThrough(conversationId)).toBe(third.seq);
  });

  it('never carries a note, and a note alone sends nothing', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    await reply(aliceSocket, conversationId, 'Internal: check the stock count', 'operator');
    await settle(500);
    expect(smtp.received).toHaveLength(0);

    await reply(aliceSocket, conversationId, 'Checked: it is in stock.');
    await reply(aliceSocket, conversationId, 'Internal: tell Bob', 'operator');
    const { text } = readMail((await until(() => smtp.received[0])).raw);
    expect(text).toContain('Checked: it is in stock.');
    expect(text).not.toContain('Internal');
  });

  it('is the next email only for what came after the last one', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    await reply(aliceSocket, conversationId, 'Earlier answer.');
    await until(() => smtp.received[0]);
    await reply(aliceSocket, conversationId, 'Later answer.');
    const { text } = readMail((await until(() => smtp.received[1])).raw);
    expect(text).toContain('Later answer.');
    expect(text).not.toContain('Earlier answer.');
  });
});

describe('a reply just before the end', () => {
  it('is emailed after the conversation was resolved', async () => {
    const { alice, aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    const cookie = await loginCookie(server, alice.email);
    await reply(aliceSocket, conversationId, 'Refund done, have a nice day!');
    expect(
      (await call(server, 'POST', `/api/operator/conversations/${conversationId}/resolve`, { cookie })).status,
    ).toBe(200);
    const { text } = readMail((await until(() => smtp.received[0])).raw);
    expect(text).toContain('Refund done, have a nice day!');
  });
});

describe('without SMTP', () => {
  it('keeps the reply email in the outbox, marked as emailed all the same', async () => {
    await discard(server);
    server = await startMailServer();
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    const sent = await reply(aliceSocket, conversationId, 'We open at nine.');
    const [row] = await until(async () => {
      const rows = await replyRows(server);
      return rows.length > 0 ? rows : null;
    });
    expect(row).toEqual({ to_address: 'jo@example.com', status: 'kept', subject: 'New reply from Shop' });
    await settle(300);
    expect(await replyRows(server)).toHaveLength(1);
    expect(await emailedThrough(conversationId)).toBe(sent.seq);
  });
});

describe('a reply the visitor read', () => {
  // A longer delay, so that reading in time never depends on how busy the machine is.
  beforeEach(async () => {
    await discard(server);
    server = await startMailServer({ smtpUrl: smtp.url, replyEmailDelayMs: 1000 });
  });

  it('is not emailed, and the read mark is stored', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    const sent = await reply(aliceSocket, conversationId, 'We have it in stock.');
    await visitor.wait('message.created', (f) => f.message.id === sent.id);
    visitor.send({ type: 'conversation.read', id: visitor.nextId(), seq: sent.seq });
    await flush(visitor);
    await settle(1500);
    expect(smtp.received).toHaveLength(0);
    expect(await replyRows(server)).toEqual([]);
    expect(await server.sql('SELECT visitor_read_seq AS seq FROM conversations WHERE id = ?', conversationId)).toEqual([
      { seq: sent.seq },
    ]);
  });

  it('counts when read after the conversation was resolved, from a tab opened later', async () => {
    const { alice, aliceSocket, handle, visitor, conversationId } = await chatWithAlice(server);
    await visitor.close();
    const sent = await reply(aliceSocket, conversationId, 'Sorted: a new one is on its way.');
    const cookie = await loginCookie(server, alice.email);
    expect(
      (await call(server, 'POST', `/api/operator/conversations/${conversationId}/resolve`, { cookie })).status,
    ).toBe(200);
    const later = await handle.connect();
    later.send({ type: 'conversation.read', id: later.nextId(), seq: sent.seq });
    await flush(later);
    expect(later.of('error')).toEqual([]);
    await settle(1500);
    expect(smtp.received).toHaveLength(0);
  });

  it('never moves the read mark back, and refuses a seq past the last message without storing it', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server);
    const sent = await reply(aliceSocket, conversationId, 'Hello!');
    visitor.send({ type: 'conversation.read', id: visitor.nextId(), seq: sent.seq });
    visitor.send({ type: 'conversation.read', id: visitor.nextId(), seq: 1 });
    const wrong = visitor.nextId();
    visitor.send({ type: 'conversation.read', id: wrong, seq: sent.seq + 5 });
    const error = await visitor.wait('error', (f) => f.frameId === wrong);
    expect(error.code).toBe('bad_request');
    visitor.send({ type: 'conversation.read', id: visitor.nextId(), seq: -1 });
    await visitor.wait('error', (f) => f.code === 'bad_frame' || (f.code === 'bad_request' && f.frameId !== wrong));
    expect(await server.sql('SELECT visitor_read_seq AS seq FROM conversations WHERE id = ?', conversationId)).toEqual([
      { seq: sent.seq },
    ]);
  });
});

describe('without an email', () => {
  it('an unseen reply stays in the chat', async () => {
    const { aliceSocket, visitor, conversationId } = await chatWithAlice(server, null);
    await visitor.close();
    await reply(aliceSocket, conversationId, 'Are you still there?');
    await settle(600);
    expect(smtp.received).toHaveLength(0);
    expect(await emailedThrough(conversationId)).toBe(0);
  });
});
