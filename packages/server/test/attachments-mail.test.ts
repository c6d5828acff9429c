// Files in the emails a visitor gets, through a real SMTP server: named with their sizes, never a note's.

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call } from './away-harness.ts';
import { discard, loginCookie, SITE_ORIGIN, type TestServer } from './harness.ts';
import { chatWithAlice, startMailServer, until } from './mail-out-harness.ts';
import { readMail, startSmtpServer, type TestSmtp } from './smtp.ts';
import {
  idOf,
  operatorSends,
  operatorUpload,
  PDF,
  PNG,
  sent,
  visitorSends,
  visitorUpload,
} from './attachments-harness.ts';

let smtp: TestSmtp;
let server: TestServer;
beforeEach(async () => {
  smtp = await startSmtpServer();
});
afterEach(async () => {
  await discard(server);
  await smtp.close();
});

describe('files in emails', () => {
  it('lists a reply’s files by name and size, and leaves a note’s out', async () => {
    server = await startMailServer({ smtpUrl: smtp.url });
    const { aliceSocket, alice, conversationId } = await chatWithAlice(server);
    const cookie = await loginCookie(server, alice.email);
    const secret = idOf(await operatorUpload(server, cookie, 'internal risk.pdf', PDF));
    sent(await operatorSends(aliceSocket, conversationId, 'Checking', [secret], 'operator'));
    const label = idOf(await operatorUpload(server, cookie, 'return label.pdf', PDF));
    sent(await operatorSends(aliceSocket, conversationId, 'Here is your label', [label]));
    const { text } = readMail((await until(() => smtp.received[0])).raw);
    expect(text).toMatch(/ {2}Here is your label\r?\n {2}File: return label\.pdf \(\d+ B\)/);
    expect(text).not.toContain('internal risk');
  });

  it('lists the files of the transcript, a file sent without a caption included', async () => {
    server = await startMailServer({ smtpUrl: smtp.url, replyEmailDelayMs: 60_000 });
    const { aliceSocket, alice, handle, visitor, conversationId } = await chatWithAlice(server, null);
    const shot = idOf(await visitorUpload(server, handle.token, 'error.png', PNG));
    sent(await visitorSends(visitor, '', [shot]));
    const cookie = await loginCookie(server, alice.email);
    const secret = idOf(await operatorUpload(server, cookie, 'internal risk.pdf', PDF));
    sent(await operatorSends(aliceSocket, conversationId, 'Checking', [secret], 'operator'));
    const asked = await call(server, 'POST', '/api/sites/shop/transcript', {
      origin: SITE_ORIGIN,
      token: handle.token,
      body: { conversationId, email: 'jo@example.com' },
    });
    expect(asked.status).toBe(202);
    const { text } = readMail((await until(() => smtp.received[0])).raw);
    expect(text).toMatch(/UTC:\r?\n {2}File: error\.png \(\d+ B\)/);
    expect(text).not.toContain('internal risk');
  });
});
