// A visitor asks for their conversation by email: what was said in public, with names and times, never
// a note, a command or its result; only their own conversation, and a bad request stores nothing.

import type { TranscriptRequest } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, refused } from './away-harness.ts';
import { discard, loginCookie, newVisitor, reply, SITE_ORIGIN, say, type TestServer } from './harness.ts';
import { chatWithAlice, startMailServer, until } from './mail-out-harness.ts';
import { readMail, startSmtpServer, type TestSmtp } from './smtp.ts';

let smtp: TestSmtp;
let server: TestServer;
beforeEach(async () => {
  smtp = await startSmtpServer();
  server = await startMailServer({ smtpUrl: smtp.url, replyEmailDelayMs: 60_000 });
});
afterEach(async () => {
  await discard(server);
  await smtp.close();
});

const askTranscript = (token: string, body: Partial<TranscriptRequest> | Record<string, unknown>) =>
  call(server, 'POST', '/api/sites/shop/transcript', { origin: SITE_ORIGIN, token, body });

describe('the transcript', () => {
  it('holds the public messages with names and times, and never a note, a command or its result', async () => {
    const { aliceSocket, alice, handle, visitor, conversationId } = await chatWithAlice(server, null);
    await reply(aliceSocket, conversationId, 'It is in stock, in blue and red.');
    await reply(aliceSocket, conversationId, 'Secret: the red one is the last', 'operator');
    const run = aliceSocket.nextId();
    aliceSocket.send({ type: 'command.run', id: run, conversationId, name: 'help', args: '' });
    const result = await aliceSocket.wait('command.result', (f) => f.id === run);
    expect(JSON.stringify(result)).toContain('Commands available here');
    await say(visitor, 'Great, thanks!');
    const cookie = await loginCookie(server, alice.email);
    await call(server, 'POST', `/api/operator/conversations/${conversationId}/resolve`, { cookie });

    // The conversation that just ended, to an email given now (kept as the visitor's).
    const answer = await askTranscript(handle.token, { conversationId, email: 'jo@example.com' });
    expect(answer.status).toBe(202);
    expect(answer.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN);
    const mail = await until(() => smtp.received[0]);
    expect(mail.to).toEqual(['jo@example.com']);
    const { headers, text } = readMail(mail.raw);
    expect(headers.get('subject')).toBe('Your conversation with Shop');
    expect(headers.get('from')).toBe('Shop <livechat@localhost>');
    const lines = ['Is the blue lamp in stock?', 'It is in stock, in blue and red.', 'Great, thanks!'];
    const at = lines.map((line) => text.indexOf(line));
    expect(at.every((index) => index > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(text).toMatch(/Alice, \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC:\r?\n {2}It is in stock/);
    for (const hidden of ['Secret', '/help', 'Commands available here', 'In this conversation', 'joined']) {
      expect(text).not.toContain(hidden);
    }
    expect(await server.sql('SELECT email FROM visitors WHERE id = ?', handle.visitorId)).toEqual([
      { email: 'jo@example.com' },
    ]);
    // The capture server has it a moment before the outbox hears back.
    const rows = await until(async () => {
      const found = await server.sql<{ status: string }>("SELECT status FROM email_outbox WHERE kind = 'transcript'");
      return found[0]?.status === 'sent' ? found : null;
    });
    expect(rows).toEqual([{ status: 'sent' }]);
  });

  it('goes to the known email when none is given', async () => {
    const { handle, conversationId } = await chatWithAlice(server, 'known@example.com');
    expect((await askTranscript(handle.token, { conversationId })).status).toBe(202);
    expect((await until(() => smtp.received[0])).to).toEqual(['known@example.com']);
  });

  it('is refused for another visitor, without an email, with a bad email or id, storing nothing', async () => {
    const { handle, conversationId } = await chatWithAlice(server, null);
    const stranger = await newVisitor(server);
    const before = {
      outbox: await server.sql('SELECT * FROM email_outbox ORDER BY id'),
      visitors: await server.sql('SELECT id, email FROM visitors ORDER BY id'),
    };
    const cases: Array<[Promise<Parameters<typeof refused>[0]>, number, string]> = [
      [askTranscript(stranger.token, { conversationId, email: 'x@example.com' }), 404, 'not_found'],
      [askTranscript(handle.token, { conversationId: 'nosuchconversation1' }), 404, 'not_found'],
      [askTranscript(handle.token, { conversationId }), 400, 'bad_request'],
      [askTranscript(handle.token, { conversationId, email: 'not an email' }), 400, 'bad_request'],
      [askTranscript(handle.token, { conversationId: '../x', email: 'jo@example.com' }), 400, 'bad_request'],
      [askTranscript(handle.token, { conversationId, email: 'jo@example.com', cc: 'y' }), 400, 'bad_request'],
      [askTranscript('not-a-valid-token-at-all', { conversationId }), 401, 'unauthorized'],
    ];
    for (const [answer, status, code] of cases) expect(refused(await answer)).toEqual({ status, code });
    expect(await server.sql('SELECT * FROM email_outbox ORDER BY id')).toEqual(before.outbox);
    expect(await server.sql('SELECT id, email FROM visitors ORDER BY id')).toEqual(before.visitors);
    expect(smtp.received).toEqual([]);
  });

  it('goes out at most five times an hour for a visitor, whatever the conversation', async () => {
    const { handle, conversationId } = await chatWithAlice(server, 'jo@example.com');
    for (let i = 0; i < 5; i += 1) expect((await askTranscript(handle.token, { conversationId })).status).toBe(202);
    const rows = await server.sql('SELECT id FROM email_outbox ORDER BY id');
    expect(refused(await askTranscript(handle.token, { conversationId, email: 'other@example.com' }))).toEqual({
      status: 429,
      code: 'rate_limited',
    });
    expect(await server.sql('SELECT id FROM email_outbox ORDER BY id')).toEqual(rows);
    expect(await server.sql('SELECT email FROM visitors WHERE id = ?', handle.visitorId)).toEqual([
      { email: 'jo@example.com' },
    ]);
  });
});
