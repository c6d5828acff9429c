// The link in a reply email: the site's page trades its token for the visitor's, and the widget opens on that conversation.

import type { ConversationLink, VisitorTranscript } from '@livechat/protocol';
import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signConversationToken } from '../src/mail/conversation-token.ts';
import { call, refused } from './away-harness.ts';
import { Client, discard, SITE_ORIGIN, say, visitorUrl } from './harness.ts';
import { type MailWorld, startMailWorld, tokenFor, type VisitorThread, visitorThread } from './mail-in-harness.ts';
import { countRows } from './stored-rows.ts';

const OTHER_ORIGIN = 'http://other-shop.test';

let world: MailWorld;
let thread: VisitorThread;
beforeEach(async () => {
  world = await startMailWorld();
  await world.server.app.store.sites.save({ id: 'other', name: 'Other shop', allowedOrigins: [OTHER_ORIGIN] });
  thread = await visitorThread(world);
});
afterEach(async () => {
  await discard(world.server);
});

const openLink = (token: unknown, site = 'shop', origin = SITE_ORIGIN) =>
  call<ConversationLink>(world.server, 'POST', `/api/sites/${site}/conversation-link`, { origin, body: { token } });

const tokenCount = () => countRows(world.server, 'visitor_tokens');

describe('a reply email link', () => {
  it("answers a new token of the conversation's visitor, which opens that conversation on another device", async () => {
    const answer = await openLink(await tokenFor(world, thread.conversationId));
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    expect(answer.body).toMatchObject({ visitorId: thread.handle.visitorId, conversationId: thread.conversationId });
    expect(answer.body.token).not.toBe(thread.handle.token);

    const transcript = await call<VisitorTranscript>(world.server, 'GET', '/api/sites/shop/conversation', {
      origin: SITE_ORIGIN,
      token: answer.body.token,
    });
    expect(transcript.body.conversation?.id).toBe(thread.conversationId);
    expect(transcript.body.messages.map((message) => message.body)).toContain('Where is my parcel?');

    // The new device writes into the same conversation; the first device's token still works.
    const phone = await Client.connect(visitorUrl(world.server, answer.body.token), { origin: SITE_ORIGIN });
    await phone.wait('welcome');
    expect((await say(phone, 'Writing from my phone')).conversationId).toBe(thread.conversationId);
    await phone.close();
    const laptop = await thread.handle.connect();
    await laptop.close();
  });

  it('refuses a forged token with 410 token_invalid, saying it is forged, and issues no token', async () => {
    const before = await tokenCount();
    const forged = await openLink(signConversationToken(randomBytes(32), thread.conversationId));
    expect(refused(forged)).toEqual({ status: 410, code: 'token_invalid' });
    expect(JSON.stringify(forged.body)).toMatch(/forged/);
    expect(refused(await openLink('not a token at all'))).toEqual({ status: 410, code: 'token_invalid' });
    expect(await tokenCount()).toBe(before);
  });

  it('refuses an expired token, saying it expired', async () => {
    const old = await tokenFor(world, thread.conversationId, new Date(Date.now() - 31 * 86_400_000));
    const answer = await openLink(old);
    expect(refused(answer)).toEqual({ status: 410, code: 'token_invalid' });
    expect(JSON.stringify(answer.body)).toMatch(/expired/);
  });

  it("refuses another site's conversation as unknown, and a conversation that does not exist", async () => {
    const token = await tokenFor(world, thread.conversationId);
    const elsewhere = await openLink(token, 'other', OTHER_ORIGIN);
    expect(refused(elsewhere)).toEqual({ status: 410, code: 'token_invalid' });
    expect(JSON.stringify(elsewhere.body)).toMatch(/unknown/);
    const missing = await openLink(await tokenFor(world, 'NoSuchConversation123'));
    expect(refused(missing)).toEqual({ status: 410, code: 'token_invalid' });
    expect(JSON.stringify(missing.body)).toMatch(/unknown/);
  });

  it("is only for the site's own pages, and needs a token", async () => {
    const before = await tokenCount();
    const token = await tokenFor(world, thread.conversationId);
    expect(refused(await openLink(token, 'shop', 'http://evil.test'))).toEqual({ status: 403, code: 'bad_origin' });
    expect(refused(await openLink(undefined))).toEqual({ status: 400, code: 'bad_request' });
    expect(refused(await openLink(42))).toEqual({ status: 400, code: 'bad_request' });
    expect(await tokenCount()).toBe(before);
  });
});
