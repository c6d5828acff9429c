// A visitor answers a reply email: their words join the conversation, live for the operator, without the quote.

import type { ConversationSummary } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect } from 'node:net';
import { buildApp } from '../src/app.ts';
import { testConfig } from '../src/config.ts';
import { discard, say, spoken, startServer, sync } from './harness.ts';
import {
  everything,
  type MailWorld,
  replyAddress,
  resolve,
  sendMail,
  startMailWorld,
  storedMessages,
  tokenFor,
  VISITOR_EMAIL,
  visitorThread,
  warningLines,
} from './mail-in-harness.ts';

let world: MailWorld;
beforeEach(async () => {
  world = await startMailWorld();
});
afterEach(async () => {
  await discard(world.server);
});

/** Alice opens the conversation: from then on its messages come to her live. */
async function openedByAlice(conversationId: string): Promise<void> {
  await sync(world.aliceSocket, 0, conversationId);
}

const bodiesLive = (conversationId: string) =>
  world.aliceSocket
    .of('message.created')
    .filter((frame) => frame.message.conversationId === conversationId && frame.message.author.kind === 'visitor')
    .map((frame) => frame.message.body);

describe('a reply by email', () => {
  it('appears live to the operator, after what came before, without the quote', async () => {
    const { conversationId } = await visitorThread(world);
    await openedByAlice(conversationId);
    const token = await tokenFor(world, conversationId);
    const text = [
      'It came today, thank you!',
      '',
      'On Mon, Dec 7, 2026 at 10:04 AM Shop <reply@chat.shop.test> wrote:',
      '> Your parcel left the warehouse this morning.',
    ].join('\n');
    const answered = await sendMail(world, { to: replyAddress(token), text });
    expect(answered).toMatchObject({ accepted: true, responseCode: 250 });

    const live = await world.aliceSocket.wait(
      'message.created',
      (frame) => frame.message.conversationId === conversationId && frame.message.body.startsWith('It came'),
    );
    expect(live.message).toMatchObject({ body: 'It came today, thank you!', visibility: 'public' });
    expect(live.message.author).toMatchObject({ kind: 'visitor' });
    const stored = spoken(
      (await storedMessages(world, conversationId)).map((m) => ({ ...m, author: { kind: m.author_kind } })),
    );
    expect(stored.map((message) => message.body)).toEqual(['Where is my parcel?', 'It came today, thank you!']);
    expect(stored[1]?.seq).toBe(Math.max(...(await storedMessages(world, conversationId)).map((m) => m.seq)));
    expect(warningLines(world)).toEqual([]);
  });

  it('takes the address in upper case, as some mail systems send it', async () => {
    const { conversationId } = await visitorThread(world);
    const token = await tokenFor(world, conversationId);
    const answered = await sendMail(world, { to: replyAddress(token).toUpperCase(), text: 'Shouting, sorry' });
    expect(answered.accepted).toBe(true);
    expect((await storedMessages(world, conversationId)).map((m) => m.body)).toContain('Shouting, sorry');
  });

  it('turns HTML-only mail into text, leaving out the quote container', async () => {
    const { conversationId } = await visitorThread(world);
    await openedByAlice(conversationId);
    const token = await tokenFor(world, conversationId);
    const html = `<div dir="ltr">The <b>blue</b> one, size M.</div><br>
      <div class="gmail_quote"><div class="gmail_attr">On Mon, Shop wrote:</div>
      <blockquote class="gmail_quote">Which one would you like?</blockquote></div>`;
    expect((await sendMail(world, { to: replyAddress(token), html })).accepted).toBe(true);
    const live = await world.aliceSocket.wait('message.created', (frame) => frame.message.body.includes('blue'));
    expect(live.message.body).toBe('The blue one, size M.');
  });

  it('strips Outlook-style quoted replies and signatures from plain text', async () => {
    const { conversationId } = await visitorThread(world);
    await openedByAlice(conversationId);
    const token = await tokenFor(world, conversationId);
    const outlook = [
      'Please send it to my office instead.',
      '',
      '-- ',
      'Ada Lovelace',
      '',
      '________________________________',
      'From: Shop <reply@chat.shop.test>',
      'Sent: Monday, December 7, 2026 10:04 AM',
      'To: Ada',
      'Subject: Your conversation with Shop',
      '',
      'Your parcel left the warehouse this morning.',
    ].join('\r\n');
    expect((await sendMail(world, { to: replyAddress(token), text: outlook })).accepted).toBe(true);
    const original = 'Also gift-wrapped, please.\n\n-----Original Message-----\nFrom: Shop\nSent: Monday\n\nHello';
    expect((await sendMail(world, { to: replyAddress(token), text: original })).accepted).toBe(true);
    await world.aliceSocket.wait('message.created', (frame) => frame.message.body.startsWith('Also'));
    expect(bodiesLive(conversationId)).toEqual(['Please send it to my office instead.', 'Also gift-wrapped, please.']);
  });

  it('stores a mail delivered twice with the same Message-ID once', async () => {
    const { conversationId } = await visitorThread(world);
    const token = await tokenFor(world, conversationId);
    const mail = { to: replyAddress(token), text: 'Only once, please', messageId: '<once-123@example.com>' };
    expect((await sendMail(world, mail)).accepted).toBe(true);
    expect((await sendMail(world, mail)).accepted).toBe(true);
    const copies = (await storedMessages(world, conversationId)).filter(
      (message) => message.body === 'Only once, please',
    );
    expect(copies).toHaveLength(1);
    // Another mail with the same words is another message.
    expect((await sendMail(world, { ...mail, messageId: '<twice-456@example.com>' })).accepted).toBe(true);
    expect((await storedMessages(world, conversationId)).filter((m) => m.body === 'Only once, please')).toHaveLength(2);
  });
});

describe('a reply to a resolved conversation', () => {
  it('starts a new conversation linked to the old one, routed like a new chat; the old one is untouched', async () => {
    const { conversationId: oldId } = await visitorThread(world);
    await resolve(world, oldId);
    const before = await world.server.sql('SELECT * FROM conversations WHERE id = ?', oldId);
    const oldMessages = await storedMessages(world, oldId);
    const token = await tokenFor(world, oldId);

    expect((await sendMail(world, { to: replyAddress(token), text: 'One more question' })).accepted).toBe(true);

    const listed = await world.aliceSocket.wait(
      'conversation.updated',
      (frame) => frame.conversation.id !== oldId && frame.conversation.previousConversationId === oldId,
    );
    const fresh: ConversationSummary = listed.conversation;
    expect(fresh).toMatchObject({ status: 'open', previousConversationId: oldId });
    expect(fresh.visitor.email).toBe(VISITOR_EMAIL);
    // Alice is online and free: the new conversation is handed to her as any new chat would be.
    await world.aliceSocket.wait(
      'conversation.updated',
      (frame) => frame.conversation.id === fresh.id && frame.conversation.assignedOperatorId === world.alice.id,
    );
    const newMessages = await storedMessages(world, fresh.id);
    expect(newMessages.find((message) => message.author_kind === 'visitor')?.body).toBe('One more question');
    expect(newMessages[0]?.body).toBe('One more question');
    expect(await world.server.sql('SELECT * FROM conversations WHERE id = ?', oldId)).toEqual(before);
    expect(await storedMessages(world, oldId)).toEqual(oldMessages);
    const rows = await world.server.sql<{ previous_conversation_id: string | null }>(
      'SELECT previous_conversation_id FROM conversations WHERE id = ?',
      fresh.id,
    );
    expect(rows[0]?.previous_conversation_id).toBe(oldId);
  });

  it('keeps a mail delivered again after its conversation was resolved once, starting nothing new', async () => {
    const { conversationId } = await visitorThread(world);
    const token = await tokenFor(world, conversationId);
    const mail = { to: replyAddress(token), text: 'Thanks, all good', messageId: '<late-retry@example.com>' };
    expect((await sendMail(world, mail)).accepted).toBe(true);
    await resolve(world, conversationId);
    const before = await everything(world);
    expect((await sendMail(world, mail)).accepted).toBe(true);
    expect(await everything(world)).toEqual(before);
  });

  it("joins the visitor's open conversation when they already started another", async () => {
    const { handle, conversationId: oldId } = await visitorThread(world);
    await resolve(world, oldId);
    const tab = await handle.connect();
    const { conversationId: openId } = await say(tab, 'Hello again');
    await tab.close();
    const token = await tokenFor(world, oldId);
    expect((await sendMail(world, { to: replyAddress(token), text: 'About my earlier question' })).accepted).toBe(true);
    expect((await storedMessages(world, openId)).map((message) => message.body)).toContain('About my earlier question');
    const conversations = (await everything(world)).conversations as Array<{
      id: string;
      previous_conversation_id: null;
    }>;
    expect(conversations).toHaveLength(2);
    expect(conversations.find((row) => row.id === openId)?.previous_conversation_id).toBeNull();
  });
});

describe('the receiver', () => {
  it('starts with the app, refuses to start on a port in use, and stops with the app', async () => {
    const port = world.server.app.inboundMail?.address()?.port;
    expect(port).toBeGreaterThan(0);
    const second = await buildApp(
      testConfig({ dataDir: world.server.dataDir, databaseUrl: world.server.databaseUrl, inboundSmtpPort: port ?? 0 }),
    );
    await expect(second.listen({ port: 0, host: '127.0.0.1' })).rejects.toThrow(/EADDRINUSE/);
    await second.close();
    // The app alone: the test's own connection to the database is let go of once, after the test.
    await world.server.app.close();
    const refused = await new Promise<boolean>((resolve) => {
      const socket = connect(port ?? 0, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', () => resolve(true));
    });
    expect(refused).toBe(true);
  });

  it('is off when no port is set', async () => {
    const plain = await startServer();
    try {
      expect(plain.app.inboundMail).toBeNull();
    } finally {
      await discard(plain);
    }
  });
});
