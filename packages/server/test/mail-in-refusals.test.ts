// Mail the receiver refuses: each with one warning line, an answer the sender can act on, and nothing stored.

import { randomBytes } from 'node:crypto';
import { MAX_BODY_LENGTH } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signConversationToken } from '../src/mail/conversation-token.ts';
import { discard } from './harness.ts';
import {
  everything,
  MAIL_DOMAIN,
  type MailWorld,
  rawMail,
  replyAddress,
  sendMail,
  sendRaw,
  startMailWorld,
  tokenFor,
  VISITOR_EMAIL,
  type VisitorThread,
  visitorThread,
  warningLines,
} from './mail-in-harness.ts';

const MAX_BYTES = 16 * 1024;

let world: MailWorld;
let thread: VisitorThread;
let before: Awaited<ReturnType<typeof everything>>;
beforeEach(async () => {
  world = await startMailWorld(MAX_BYTES);
  thread = await visitorThread(world);
  before = await everything(world);
  world.warnings.mockClear();
});
afterEach(async () => {
  await discard(world.server);
});

/** Nothing changed, and exactly one warning line says why. */
async function refusedOnce(why: RegExp): Promise<void> {
  expect(await everything(world)).toEqual(before);
  const lines = warningLines(world);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^inbound mail refused: /);
  expect(lines[0]).toMatch(why);
}

describe('tokens', () => {
  it('refuses a forged token at RCPT with 550', async () => {
    const forged = signConversationToken(randomBytes(32), thread.conversationId);
    const answered = await sendMail(world, { to: replyAddress(forged), text: 'Let me in' });
    expect(answered).toMatchObject({ accepted: false, responseCode: 550 });
    await refusedOnce(/forged token/);
  });

  it('refuses an altered token, as forged', async () => {
    const token = await tokenFor(world, thread.conversationId);
    const altered = token.slice(0, 12) + (token[12] === 'a' ? 'b' : 'a') + token.slice(13);
    expect((await sendMail(world, { to: replyAddress(altered), text: 'Hi' })).responseCode).toBe(550);
    await refusedOnce(/forged token/);
  });

  it('refuses an expired token, saying it expired', async () => {
    const old = await tokenFor(world, thread.conversationId, new Date(Date.now() - 31 * 86_400_000));
    const answered = await sendMail(world, { to: replyAddress(old), text: 'Still there?' });
    expect(answered).toMatchObject({ accepted: false, responseCode: 550 });
    expect(answered.response).toMatch(/expired/);
    await refusedOnce(/expired token/);
  });

  it('refuses a well-signed token of a conversation that does not exist', async () => {
    const unknown = await tokenFor(world, 'NoSuchConversation123');
    expect((await sendMail(world, { to: replyAddress(unknown), text: 'Hello?' })).responseCode).toBe(550);
    await refusedOnce(/unknown token/);
  });

  it('refuses any other recipient, on this domain or another', async () => {
    const token = await tokenFor(world, thread.conversationId);
    expect((await sendMail(world, { to: `support@${MAIL_DOMAIN}`, text: 'Hi' })).responseCode).toBe(550);
    expect((await sendMail(world, { to: `reply+${token}@elsewhere.test`, text: 'Hi' })).responseCode).toBe(550);
    expect(await everything(world)).toEqual(before);
    expect(warningLines(world)).toHaveLength(2);
    expect(warningLines(world).every((line) => /not a reply address/.test(line))).toBe(true);
  });
});

describe('senders and content', () => {
  it("refuses a sender that is not the conversation's visitor, whatever the case of the address", async () => {
    const token = await tokenFor(world, thread.conversationId);
    const answered = await sendMail(world, { to: replyAddress(token), from: 'mallory@example.com', text: 'Refund me' });
    expect(answered).toMatchObject({ accepted: false, responseCode: 550 });
    await refusedOnce(/wrong sender mallory@example\.com/);
    const upper = await sendMail(world, { to: replyAddress(token), from: VISITOR_EMAIL.toUpperCase(), text: 'Me' });
    expect(upper.accepted).toBe(true);
  });

  it('refuses a reply when the visitor never left an email', async () => {
    const anonymous = await visitorThread(world, null);
    before = await everything(world);
    world.warnings.mockClear();
    const token = await tokenFor(world, anonymous.conversationId);
    expect((await sendMail(world, { to: replyAddress(token), text: 'Hi' })).responseCode).toBe(550);
    await refusedOnce(/wrong sender/);
  });

  it('refuses a reply longer than a chat message may be, with 552', async () => {
    const token = await tokenFor(world, thread.conversationId);
    const text = 'word '.repeat(MAX_BODY_LENGTH / 4);
    expect((await sendMail(world, { to: replyAddress(token), text })).responseCode).toBe(552);
    await refusedOnce(/longer than 4000 characters/);
  });

  it('refuses a reply to a conversation of an archived site', async () => {
    await world.server.app.store.sites.archive('shop');
    const token = await tokenFor(world, thread.conversationId);
    expect((await sendMail(world, { to: replyAddress(token), text: 'Still open?' })).responseCode).toBe(550);
    await refusedOnce(/archived/);
  });

  it('refuses a reply with nothing left once the quote is removed', async () => {
    const token = await tokenFor(world, thread.conversationId);
    const text = 'On Mon, Shop wrote:\n> Is there anything else?';
    expect((await sendMail(world, { to: replyAddress(token), text })).responseCode).toBe(550);
    await refusedOnce(/nothing to add/);
  });
});

describe('size', () => {
  const big = 'x'.repeat(70) + '\n';

  it('refuses an oversized mail after its data, with 552', async () => {
    const token = await tokenFor(world, thread.conversationId);
    const message = rawMail({ From: VISITOR_EMAIL, To: replyAddress(token), Subject: 'Big' }, big.repeat(400));
    const answered = await sendRaw(world, { from: VISITOR_EMAIL, to: replyAddress(token) }, message);
    expect(answered).toMatchObject({ accepted: false, responseCode: 552 });
    await refusedOnce(/oversized/);
  });

  it('refuses a mail whose declared size is over the limit before its data', async () => {
    const token = await tokenFor(world, thread.conversationId);
    const message = rawMail({ From: VISITOR_EMAIL, To: replyAddress(token), Subject: 'Big' }, 'small in fact');
    const envelope = { from: VISITOR_EMAIL, to: replyAddress(token), size: MAX_BYTES * 2 };
    expect((await sendRaw(world, envelope, message)).responseCode).toBe(552);
    await refusedOnce(/oversized \(\d+ bytes declared/);
  });

  it('takes a mail within the limit', async () => {
    const token = await tokenFor(world, thread.conversationId);
    const message = rawMail({ From: VISITOR_EMAIL, To: replyAddress(token), Subject: 'Fine' }, 'Short and sweet');
    expect((await sendRaw(world, { from: VISITOR_EMAIL, to: replyAddress(token) }, message)).accepted).toBe(true);
  });
});

describe('automatic mail', () => {
  const headers: Array<[string, Record<string, string>]> = [
    ['Auto-Submitted: auto-replied', { 'Auto-Submitted': 'auto-replied' }],
    ['Auto-Submitted: auto-notified', { 'Auto-Submitted': 'auto-notified' }],
    ['Precedence: bulk', { Precedence: 'bulk' }],
    ['Precedence: auto_reply', { Precedence: 'auto_reply' }],
    ['Precedence: list', { Precedence: 'list' }],
    ['Precedence: junk', { Precedence: 'junk' }],
    ['X-Autoreply', { 'X-Autoreply': 'yes' }],
    ['X-Auto-Response-Suppress', { 'X-Auto-Response-Suppress': 'All' }],
  ];

  for (const [name, header] of headers) {
    it(`accepts and drops an auto-reply marked ${name}, so that no bounce answers it`, async () => {
      const token = await tokenFor(world, thread.conversationId);
      const text = 'I am out of the office until Monday.';
      const answered = await sendMail(world, { to: replyAddress(token), text, headers: header });
      expect(answered).toMatchObject({ accepted: true, responseCode: 250 });
      await refusedOnce(new RegExp(name.split(':')[0] ?? name));
    });
  }

  it('drops a mail with a null return path (a bounce)', async () => {
    const token = await tokenFor(world, thread.conversationId);
    const message = rawMail({ From: VISITOR_EMAIL, To: replyAddress(token), Subject: 'Undelivered' }, 'Bounced');
    const answered = await sendRaw(world, { from: '', to: replyAddress(token) }, message);
    expect(answered.accepted).toBe(true);
    await refusedOnce(/null return path/);
  });

  it("takes a person's mail marked Auto-Submitted: no", async () => {
    const token = await tokenFor(world, thread.conversationId);
    const answered = await sendMail(world, {
      to: replyAddress(token),
      text: 'Typed by me',
      headers: { 'Auto-Submitted': 'no' },
    });
    expect(answered.accepted).toBe(true);
    expect(await everything(world)).not.toEqual(before);
    expect(warningLines(world)).toEqual([]);
  });
});
