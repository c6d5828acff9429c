// The team: invites and their links, reset links, the team list, disabling, and the last-admin rule.

import type {
  AcceptCheck,
  ErrorBody,
  InviteResult,
  LoginResult,
  MemberBody,
  OperatorList,
  PasswordLink,
  TeamMemberList,
} from '@livechat/protocol';
import { CLOSE_SESSION_ENDED } from '@livechat/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashSecret } from '../src/ids.ts';
import { accountRows, api, closedWithin, operatorSocket, refusal, tokenOf } from './accounts-harness.ts';
import {
  type Client,
  createOperator,
  discard,
  loginCookie,
  newVisitor,
  PASSWORDS,
  say,
  startServer,
  type TestServer,
} from './harness.ts';
import { startSmtpServer, type TestSmtp } from './smtp.ts';

let server: TestServer;
let adminCookie: string;
const open: Client[] = [];

beforeEach(async () => {
  server = await startServer();
  await createOperator(server, 'Alice', 'admin');
  adminCookie = await loginCookie(server, 'alice@example.com');
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((client) => client.close()));
  await discard(server);
});

const invite = (body: Record<string, unknown>, cookie = adminCookie) =>
  api<InviteResult>(server, cookie, 'POST', '/api/admin/invites', body);
const login = (email: string, password: string) =>
  api<LoginResult>(server, '', 'POST', '/api/operator/login', { email, password });
const team = async () => (await api<TeamMemberList>(server, adminCookie, 'GET', '/api/admin/team')).body.members;
const patchMember = (id: string, body: unknown, cookie = adminCookie) =>
  api<MemberBody>(server, cookie, 'PATCH', `/api/admin/team/${id}`, body);
/** A test-only write: moves a link's expiry into the past instead of waiting a week. */
const expire = (token: string) =>
  server.sql(
    "UPDATE account_links SET expires_at = '2000-01-01T00:00:00.000Z' WHERE token_hash = ?",
    hashSecret(token),
  );

describe('invites', () => {
  it('an invited operator is in the team, cannot log in, and joins by choosing a password on the link', async () => {
    const made = await invite({ name: 'Bob', email: 'bob@example.com', role: 'operator' });
    expect(made.status).toBe(201);
    expect(made.body.member).toMatchObject({ name: 'Bob', email: 'bob@example.com', status: 'invited', online: false });
    const { link, expiresAt, emailed } = made.body.invite;
    expect(link).toMatch(new RegExp(`^${server.url}/operator/accept#[\\w-]{43}$`));
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(6.9 * 24 * 3600 * 1000);
    // Without SMTP the email waits in the outbox, and the admin is told it was not sent.
    expect(emailed).toBe(false);
    expect((await server.sql<{ text: string }>('SELECT text FROM email_outbox'))[0]?.text).toContain(link);

    expect((await team()).map((member) => [member.name, member.status])).toEqual([
      ['Alice', 'active'],
      ['Bob', 'invited'],
    ]);
    const wrong = await login('bob@example.com', '');
    expect(refusal(wrong)).toEqual({ status: 400, code: 'bad_request' });
    const invited = await login('bob@example.com', 'whatever-he-guesses');
    expect((invited.body as unknown as ErrorBody).error).toEqual({
      code: 'unauthorized',
      message: 'wrong email or password',
    });
    const operators = await api<OperatorList>(server, adminCookie, 'GET', '/api/operator/operators');
    expect(operators.body.operators.map((operator) => operator.name)).toEqual(['Alice']);

    const token = tokenOf(link);
    const checked = await api<AcceptCheck>(server, '', 'POST', '/api/accept/check', { token });
    expect(checked.body).toEqual({ kind: 'invite', name: 'Bob', email: 'bob@example.com' });
    const before = await accountRows(server);
    const weak = await api<ErrorBody>(server, '', 'POST', '/api/accept', { token, password: 'short' });
    expect(refusal(weak)).toEqual({ status: 400, code: 'bad_request' });
    expect(weak.body.error.message).toMatch(/at least 10 characters/);
    expect(await accountRows(server)).toEqual(before);

    const accepted = await api<LoginResult>(server, '', 'POST', '/api/accept', { token, password: 'bob-password-1' });
    expect(accepted.status).toBe(200);
    expect(accepted.body.operator).toMatchObject({ name: 'Bob', role: 'operator' });
    expect((await api(server, accepted.cookie, 'GET', '/api/operator/me')).status).toBe(200);
    expect((await login('bob@example.com', 'bob-password-1')).status).toBe(200);
    expect((await team()).find((member) => member.name === 'Bob')?.status).toBe('active');

    const used = await api<ErrorBody>(server, '', 'POST', '/api/accept', { token, password: 'another-password' });
    expect(refusal(used)).toEqual({ status: 410, code: 'token_invalid' });
    expect(used.body.error.message).toMatch(/already used/);
    expect((await login('bob@example.com', 'bob-password-1')).status).toBe(200);
  });

  it('an expired invite is refused and says so; a new link replaces the old one', async () => {
    const made = await invite({ name: 'Bob', email: 'bob@example.com', role: 'operator' });
    const first = tokenOf(made.body.invite.link);
    await expire(first);
    const before = await accountRows(server);
    const late = await api<ErrorBody>(server, '', 'POST', '/api/accept', { token: first, password: 'bob-password-1' });
    expect(refusal(late)).toEqual({ status: 410, code: 'token_invalid' });
    expect(late.body.error.message).toMatch(/expired: ask an admin for a new link/);
    expect(refusal(await api(server, '', 'POST', '/api/accept/check', { token: first }))).toEqual({
      status: 410,
      code: 'token_invalid',
    });
    expect(await accountRows(server)).toEqual(before);

    const renewed = await api<PasswordLink>(
      server,
      adminCookie,
      'POST',
      `/api/admin/team/${made.body.member.id}/password-link`,
    );
    expect(renewed.status).toBe(201);
    const second = tokenOf(renewed.body.link);
    const checked = await api<AcceptCheck>(server, '', 'POST', '/api/accept/check', { token: second });
    expect(checked.body.kind).toBe('invite');

    const third = tokenOf(
      (await api<PasswordLink>(server, adminCookie, 'POST', `/api/admin/team/${made.body.member.id}/password-link`))
        .body.link,
    );
    const replaced = await api<ErrorBody>(server, '', 'POST', '/api/accept', {
      token: second,
      password: 'bob-password-1',
    });
    expect(refusal(replaced)).toEqual({ status: 410, code: 'token_invalid' });
    expect(replaced.body.error.message).toMatch(/replaced by a newer one/);
    expect((await api(server, '', 'POST', '/api/accept', { token: third, password: 'bob-password-1' })).status).toBe(
      200,
    );
  });

  it('refuses a taken or malformed email, a bad role and a non-admin, changing nothing', async () => {
    await createOperator(server, 'Carol');
    const carolCookie = await loginCookie(server, 'carol@example.com');
    const before = await accountRows(server);
    const taken = await invite({ name: 'Imposter', email: 'CAROL@example.com', role: 'operator' });
    expect(refusal(taken)).toEqual({ status: 409, code: 'conflict' });
    expect(refusal(await invite({ name: 'X', email: 'no-at-sign', role: 'operator' }))).toEqual({
      status: 400,
      code: 'bad_request',
    });
    expect(refusal(await invite({ name: 'X', email: 'x@example.com', role: 'owner' }))).toEqual({
      status: 400,
      code: 'bad_request',
    });
    expect(refusal(await invite({ name: 'X', email: 'x@example.com', role: 'operator' }, carolCookie))).toEqual({
      status: 403,
      code: 'forbidden',
    });
    expect(refusal(await invite({ name: 'X', email: 'x@example.com', role: 'operator' }, ''))).toEqual({
      status: 401,
      code: 'unauthorized',
    });
    expect(await accountRows(server)).toEqual(before);
  });

  it('emails the link when SMTP is configured, and says it did', async () => {
    const smtp: TestSmtp = await startSmtpServer();
    await discard(server);
    server = await startServer({ smtpUrl: smtp.url, publicUrl: 'https://chat.example.com' });
    await createOperator(server, 'Alice', 'admin');
    adminCookie = await loginCookie(server, 'alice@example.com');
    try {
      const made = await invite({ name: 'Bob', email: 'bob@example.com', role: 'admin' });
      expect(made.body.invite.emailed).toBe(true);
      expect(made.body.invite.link.startsWith('https://chat.example.com/operator/accept#')).toBe(true);
      expect(smtp.received).toHaveLength(1);
      expect(smtp.received[0]?.to).toEqual(['bob@example.com']);
      expect(smtp.received[0]?.raw.replace(/=\r\n/g, '')).toContain(tokenOf(made.body.invite.link));
      // Every email passes through the outbox; this one left at its first attempt.
      expect(await server.sql('SELECT kind, status, attempts FROM email_outbox')).toEqual([
        { kind: 'invite', status: 'sent', attempts: 1 },
      ]);
    } finally {
      await smtp.close();
    }
  });
});

describe('password resets', () => {
  it('a reset link sets a new password once, valid a day, and ends the sessions and sockets of the old one', async () => {
    const bob = await createOperator(server, 'Bob');
    const bobCookie = await loginCookie(server, 'bob@example.com');
    const socket = await operatorSocket(server, bobCookie);
    open.push(socket);
    const made = await api<PasswordLink>(server, adminCookie, 'POST', `/api/admin/team/${bob.id}/password-link`);
    expect(made.status).toBe(201);
    const hours = (Date.parse(made.body.expiresAt) - Date.now()) / 3600_000;
    expect(hours).toBeGreaterThan(23.9);
    expect(hours).toBeLessThanOrEqual(24);
    const token = tokenOf(made.body.link);
    expect((await api<AcceptCheck>(server, '', 'POST', '/api/accept/check', { token })).body.kind).toBe('reset');
    // Until the link is used, the old password keeps working.
    expect((await login('bob@example.com', PASSWORDS['bob@example.com'] ?? '')).status).toBe(200);

    const closing = closedWithin(socket, 1000);
    const accepted = await api<LoginResult>(server, '', 'POST', '/api/accept', { token, password: 'new-bob-password' });
    expect(accepted.status).toBe(200);
    expect(await closing).toBe(CLOSE_SESSION_ENDED);
    expect((await api(server, bobCookie, 'GET', '/api/operator/me')).status).toBe(401);
    expect((await login('bob@example.com', PASSWORDS['bob@example.com'] ?? '')).status).toBe(401);
    expect((await login('bob@example.com', 'new-bob-password')).status).toBe(200);
    expect((await api(server, accepted.cookie, 'GET', '/api/operator/me')).status).toBe(200);
  });

  it('refuses a reset link for someone unknown or disabled', async () => {
    const bob = await createOperator(server, 'Bob');
    await patchMember(bob.id, { disabled: true });
    const before = await accountRows(server);
    const disabled = await api(server, adminCookie, 'POST', `/api/admin/team/${bob.id}/password-link`);
    expect(refusal(disabled)).toEqual({ status: 409, code: 'conflict' });
    const unknown = await api(server, adminCookie, 'POST', '/api/admin/team/nobody-at-all/password-link');
    expect(refusal(unknown)).toEqual({ status: 404, code: 'not_found' });
    expect(await accountRows(server)).toEqual(before);
  });
});

describe('the team list', () => {
  it('shows who is online now and when the others were last seen', async () => {
    const bob = await createOperator(server, 'Bob');
    expect((await team()).find((member) => member.id === bob.id)).toMatchObject({ online: false, lastSeenAt: null });
    const socket = await operatorSocket(server, await loginCookie(server, 'bob@example.com'));
    const online = (await team()).find((member) => member.id === bob.id);
    expect(online?.online).toBe(true);
    expect(Date.now() - Date.parse(online?.lastSeenAt ?? '')).toBeLessThan(5000);
    await socket.close();
    await expect
      .poll(() =>
        server.sql<{ last_seen_at: string | null }>('SELECT last_seen_at FROM operators WHERE id = ?', bob.id),
      )
      .not.toEqual([{ last_seen_at: null }]);
    const offline = (await team()).find((member) => member.id === bob.id);
    expect(offline).toMatchObject({ online: false, status: 'active', role: 'operator', notify: 'inbox' });
    expect(offline?.lastSeenAt).not.toBeNull();
  });

  it('is for admins only', async () => {
    await createOperator(server, 'Bob');
    const bobCookie = await loginCookie(server, 'bob@example.com');
    expect(refusal(await api(server, bobCookie, 'GET', '/api/admin/team'))).toEqual({ status: 403, code: 'forbidden' });
    expect(refusal(await api(server, '', 'GET', '/api/admin/team'))).toEqual({ status: 401, code: 'unauthorized' });
  });
});

describe('disabling', () => {
  it('closes the operator’s sockets within a second and puts their conversation back in the queue', async () => {
    const bob = await createOperator(server, 'Bob');
    const bobCookie = await loginCookie(server, 'bob@example.com');
    const bobSockets = [await operatorSocket(server, bobCookie), await operatorSocket(server, bobCookie)];
    // Bob is the only one online: the new conversation is his.
    const visitor = await newVisitor(server);
    const visitorSocket = await visitor.connect();
    const message = await say(visitorSocket, 'hello?');
    // Away, so that the queue keeps what Bob leaves rather than handing it to Alice.
    expect((await api(server, adminCookie, 'PUT', '/api/operator/me/status', { status: 'away' })).status).toBe(200);
    const alice = await operatorSocket(server, adminCookie);
    open.push(...bobSockets, visitorSocket, alice);
    const conversationId = message.conversationId;
    expect(await server.sql('SELECT operator_id FROM conversation_members WHERE active = true')).toEqual([
      { operator_id: bob.id },
    ]);

    const closings = bobSockets.map((socket) => closedWithin(socket, 1000));
    const disabled = await patchMember(bob.id, { disabled: true });
    expect(disabled.status).toBe(200);
    expect(disabled.body.member).toMatchObject({ status: 'disabled', online: false });
    expect(await Promise.all(closings)).toEqual([CLOSE_SESSION_ENDED, CLOSE_SESSION_ENDED]);

    // Back in the queue, and Alice's list shows it at once.
    const update = await alice.wait(
      'conversation.updated',
      (frame) => frame.conversation.id === conversationId && frame.conversation.memberIds.length === 0,
    );
    expect(update.conversation.assignedOperatorId).toBeNull();
    expect(await server.sql('SELECT operator_id FROM conversation_members WHERE active = true')).toEqual([]);

    // Nothing of Bob's works any more: cookie, login, socket, mentions.
    expect((await api(server, bobCookie, 'GET', '/api/operator/me')).status).toBe(401);
    expect(await server.sql('SELECT * FROM operator_sessions WHERE operator_id = ?', bob.id)).toEqual([]);
    const relogin = await login('bob@example.com', PASSWORDS['bob@example.com'] ?? '');
    expect((relogin.body as unknown as ErrorBody).error).toEqual({
      code: 'unauthorized',
      message: 'wrong email or password',
    });
    await expect(operatorSocket(server, bobCookie)).rejects.toThrow(/401/);
    const operators = await api<OperatorList>(server, adminCookie, 'GET', '/api/operator/operators');
    expect(operators.body.operators.map((operator) => operator.name)).toEqual(['Alice']);

    const enabled = await patchMember(bob.id, { disabled: false });
    expect(enabled.body.member.status).toBe('active');
    expect((await login('bob@example.com', PASSWORDS['bob@example.com'] ?? '')).status).toBe(200);
  });
});

describe('the last admin', () => {
  it('cannot be demoted or disabled, by themselves or anyone', async () => {
    const alice = (await team())[0];
    if (!alice) throw new Error('no admin');
    const before = await accountRows(server);
    for (const change of [{ role: 'operator' }, { disabled: true }, { role: 'operator', disabled: true }]) {
      const refused = await patchMember(alice.id, change);
      expect({ change, ...refusal(refused) }).toEqual({ change, status: 409, code: 'last_admin' });
    }
    expect(await accountRows(server)).toEqual(before);

    // A disabled admin does not count.
    const bob = await createOperator(server, 'Bob', 'admin');
    expect((await patchMember(bob.id, { disabled: true })).status).toBe(200);
    expect(refusal(await patchMember(alice.id, { role: 'operator' }))).toEqual({ status: 409, code: 'last_admin' });
    // With another active admin, the change goes through.
    expect((await patchMember(bob.id, { disabled: false })).status).toBe(200);
    const demoted = await patchMember(alice.id, { role: 'operator' });
    expect(demoted.body.member.role).toBe('operator');
    const bobCookie = await loginCookie(server, 'bob@example.com');
    expect(refusal(await patchMember(bob.id, { role: 'operator' }, bobCookie))).toEqual({
      status: 409,
      code: 'last_admin',
    });
  });

  it('refuses a malformed change or an unknown operator', async () => {
    const bob = await createOperator(server, 'Bob');
    const before = await accountRows(server);
    expect(refusal(await patchMember(bob.id, { role: 'owner' }))).toEqual({ status: 400, code: 'bad_request' });
    expect(refusal(await patchMember(bob.id, { disabled: 'yes' }))).toEqual({ status: 400, code: 'bad_request' });
    expect(refusal(await patchMember(bob.id, { name: 'Robert' }))).toEqual({ status: 400, code: 'bad_request' });
    expect(refusal(await patchMember('no-such-operator', { role: 'admin' }))).toEqual({
      status: 404,
      code: 'not_found',
    });
    expect(refusal(await patchMember('x', { role: 'admin' }))).toEqual({ status: 400, code: 'invalid_id' });
    expect(await accountRows(server)).toEqual(before);
  });
});
