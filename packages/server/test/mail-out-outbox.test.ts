// Every outgoing email goes through the outbox: retried with growing waits when the mail server refuses
// or cannot be reached, `failed` after the last attempt, listed by status and retried by an admin.

import type { ErrorBody, InviteResult, OutboxEmail, OutboxEmailBody, OutboxList } from '@livechat/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { type Answer, call, refused } from './away-harness.ts';
import { createOperator, discard, loginCookie, type TestServer } from './harness.ts';
import { startMailServer, until } from './mail-out-harness.ts';
import { closedPort, startSmtpServer, type TestSmtp } from './smtp.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function serverWith(smtpUrl: string | null, waits = [100, 100]) {
  const server = await startMailServer({ smtpUrl, mailRetryWaitsMs: waits });
  cleanups.push(() => discard(server));
  await createOperator(server, 'Alice', 'admin');
  return { server, cookie: await loginCookie(server, 'alice@example.com') };
}

async function smtpServer(refuseFirst = 0): Promise<TestSmtp> {
  const smtp = await startSmtpServer({ refuseFirst });
  cleanups.push(smtp.close);
  return smtp;
}

const invite = (server: TestServer, cookie: string, email = 'bob@example.com') =>
  call<InviteResult>(server, 'POST', '/api/admin/invites', { cookie, body: { name: 'Bob', email, role: 'operator' } });

const outbox = (server: TestServer, cookie: string, query = '') =>
  call<OutboxList>(server, 'GET', `/api/admin/outbox${query}`, { cookie });

const retry = (server: TestServer, cookie: string, id: string) =>
  call<OutboxEmailBody>(server, 'POST', `/api/admin/outbox/${id}/retry`, { cookie });

async function only(server: TestServer, cookie: string, query: string): Promise<OutboxEmail> {
  return until(async () => {
    const list = await outbox(server, cookie, query);
    return list.body.emails.length === 1 ? list.body.emails[0] : null;
  });
}

describe('the outbox queue', () => {
  it('tries again after a refusal, with the error kept, until the mail server takes it', async () => {
    const smtp = await smtpServer(2);
    // A first wait long enough to read the outbox in between.
    const { server, cookie } = await serverWith(smtp.url, [500, 100]);
    const made = await invite(server, cookie);
    // The first attempt was refused: the admin is told, and the outbox keeps trying.
    expect(made.body.invite.emailed).toBe(false);
    const waiting = (await outbox(server, cookie, '?status=pending')).body.emails;
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ kind: 'invite', to: 'bob@example.com', status: 'pending', attempts: 1 });
    expect(waiting[0]?.lastError).toContain('451');
    expect(waiting[0]?.nextAttemptAt).not.toBeNull();

    const sent = await only(server, cookie, '?status=sent');
    expect(sent).toMatchObject({ status: 'sent', attempts: 3, lastError: null, nextAttemptAt: null });
    expect(sent.sentAt).not.toBeNull();
    expect(smtp.refused).toBe(2);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.raw.replace(/=\r\n/g, '')).toContain(made.body.invite.link.split('#')[1]);
    expect((await outbox(server, cookie, '?status=pending')).body.emails).toEqual([]);
  });

  it('gives up after the last wait when nothing listens, and an admin retries it for a new round', async () => {
    const { server, cookie } = await serverWith(`smtp://127.0.0.1:${await closedPort()}`);
    await invite(server, cookie);
    const failed = await only(server, cookie, '?status=failed');
    // One attempt, then one per wait.
    expect(failed).toMatchObject({ kind: 'invite', status: 'failed', attempts: 3, nextAttemptAt: null });
    expect(failed.lastError).toMatch(/ECONNREFUSED/);

    const retried = await retry(server, cookie, failed.id);
    expect(retried.status).toBe(200);
    expect(retried.body.email).toMatchObject({ id: failed.id, status: 'pending', attempts: 0 });
    const again = await only(server, cookie, '?status=failed');
    expect(again).toMatchObject({ id: failed.id, attempts: 3 });
  });

  it('sends each due email once, however many deliveries run at the same time', async () => {
    const smtp = await smtpServer();
    const { server } = await serverWith(smtp.url);
    await server.app.mailWorker.stop();
    for (let i = 0; i < 5; i += 1) {
      await server.app.store.outbox.add(
        { kind: 'mention', to: `op${i}@example.com`, subject: 's', text: 't' },
        'pending',
      );
    }
    await Promise.all([server.app.mailer.deliverDue(), server.app.mailer.deliverDue(), server.app.mailer.deliverDue()]);
    expect(smtp.received.map((mail) => mail.to[0]).sort()).toEqual([0, 1, 2, 3, 4].map((i) => `op${i}@example.com`));
    expect(await server.sql("SELECT count(*) AS n FROM email_outbox WHERE status = 'sent' AND attempts = 1")).toEqual([
      { n: 5 },
    ]);
  });
});

describe('the outbox without SMTP', () => {
  it('keeps emails for admins, lists them by status, and refuses what cannot be done', async () => {
    const { server, cookie } = await serverWith(null);
    await invite(server, cookie);
    const kept = await only(server, cookie, '?status=kept');
    expect(kept).toMatchObject({ kind: 'invite', status: 'kept', attempts: 0 });
    expect((await outbox(server, cookie, '?status=failed')).body.emails).toEqual([]);

    const before = await server.sql('SELECT * FROM email_outbox ORDER BY id');
    const answers: Array<[Answer<unknown>, number, string]> = [
      [await outbox(server, cookie, '?status=lost'), 400, 'bad_request'],
      [await outbox(server, cookie, '?status=kept&status=sent'), 400, 'bad_request'],
      [await retry(server, cookie, kept.id), 409, 'conflict'],
      [await retry(server, cookie, 'nosuchemail123'), 404, 'not_found'],
      [await retry(server, cookie, 'not an id'), 400, 'invalid_id'],
    ];
    for (const [answer, status, code] of answers) expect(refused(answer)).toEqual({ status, code });
    await createOperator(server, 'Carol');
    const carol = await loginCookie(server, 'carol@example.com');
    expect(refused(await outbox(server, carol))).toEqual({ status: 403, code: 'forbidden' });
    expect(refused(await retry(server, carol, kept.id))).toEqual({ status: 403, code: 'forbidden' });
    expect(refused(await call<ErrorBody>(server, 'POST', `/api/admin/outbox/${kept.id}/retry`))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect(await server.sql('SELECT * FROM email_outbox ORDER BY id')).toEqual(before);
  });
});
