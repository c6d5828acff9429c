// @mentions over real sockets: inbox notifications live, emails through a real SMTP server on
// loopback or into the outbox, access to the mentioned conversation, and the preference itself.

import type { ErrorBody, NotificationList, OperatorProfile, OutboxList } from '@livechat/protocol';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Config } from '../src/config.ts';
import { closedPort, readMail, startSmtpServer } from './smtp.ts';
import {
  type Client,
  type TestServer,
  connectOperator,
  createOperator,
  loginCookie,
  newVisitor,
  discard,
  say,
  settle,
  spoken,
  startServer,
  sync,
} from './harness.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function start(overrides: Partial<Config> = {}): Promise<TestServer> {
  const server = await startServer(overrides);
  cleanups.push(async () => {
    await discard(server);
  });
  return server;
}

async function api<T = unknown>(server: TestServer, cookie: string, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

/** Sends an operator message the way the composer does after `@Name` was chosen. */
async function mention(
  client: Client,
  conversationId: string,
  body: string,
  mentionIds: string[],
  options: { visibility?: 'public' | 'operator'; clientId?: string } = {},
) {
  const id = client.nextId();
  const clientId = options.clientId ?? `m-${id}-${Date.now()}`;
  client.send({
    type: 'message.send',
    id,
    conversationId,
    clientId,
    body,
    mentionIds,
    visibility: options.visibility ?? 'operator',
  });
  return (await client.wait('message.ack', (ack) => ack.id === id)).message;
}

/** A visitor writes, Alice (online first) gets the conversation and opens it. */
async function conversationOfAlice(server: TestServer) {
  const alice = await createOperator(server, 'Alice');
  const aliceSocket = await connectOperator(server, alice);
  const visitorHandle = await newVisitor(server);
  const visitor = await visitorHandle.connect();
  // Every byte the visitor's socket receives, before any parsing.
  const visitorBytes: string[] = [];
  visitor.socket.on('message', (data) => visitorBytes.push(data.toString()));
  const first = await say(visitor, 'My refund has not arrived');
  await aliceSocket.wait('conversation.updated', (f) => f.conversation.id === first.conversationId);
  await sync(aliceSocket, 0, first.conversationId);
  return { alice, aliceSocket, visitor, visitorBytes, conversationId: first.conversationId };
}

async function setPreference(server: TestServer, operator: OperatorProfile, notify: 'inbox' | 'email') {
  const cookie = await loginCookie(server, operator.email);
  const changed = await api<{ operator: OperatorProfile }>(server, cookie, 'PATCH', '/api/operator/me', { notify });
  expect(changed.status).toBe(200);
  return cookie;
}

async function until<T>(read: () => Promise<T | null | undefined>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await settle(25);
  }
}

async function startSmtp() {
  const smtp = await startSmtpServer();
  cleanups.push(smtp.close);
  return smtp;
}

describe('mentions by inbox', () => {
  it('notifies a mentioned operator live on every tab, and never the author, the unnamed or the visitor', async () => {
    const server = await start();
    const { alice, aliceSocket, visitor, visitorBytes, conversationId } = await conversationOfAlice(server);
    const bob = await createOperator(server, 'Bob');
    const carol = await createOperator(server, 'Carol');
    const bobTab = await connectOperator(server, bob);
    const bobOtherTab = await connectOperator(server, bob);
    const carolSocket = await connectOperator(server, carol);

    // Carol was chosen in the composer but her @Carol was deleted again; Alice names herself.
    const note = await mention(
      aliceSocket,
      conversationId,
      'SECRET-NOTE @Bob could you check the refund? @Alice will follow up.',
      [bob.id, carol.id, alice.id, 'AAAAAAAAAAAAAAAAAAAAA'],
      { clientId: 'note-1' },
    );
    const created = await bobTab.wait('notification.created');
    expect(created.unread).toBe(1);
    expect(created.notification).toMatchObject({
      kind: 'mention',
      conversationId,
      messageId: note.id,
      authorName: 'Alice',
      excerpt: 'SECRET-NOTE @Bob could you check the refund? @Alice will follow up.',
      readAt: null,
    });
    const sameOnOtherTab = await bobOtherTab.wait('notification.created');
    expect(sameOnOtherTab.notification.id).toBe(created.notification.id);

    // Resending the same client id stores nothing new, so it notifies nobody again.
    await mention(
      aliceSocket,
      conversationId,
      'SECRET-NOTE @Bob could you check the refund? @Alice will follow up.',
      [bob.id],
      {
        clientId: 'note-1',
      },
    );
    const publicMessage = await mention(aliceSocket, conversationId, 'Let me ask @bob about that.', [bob.id], {
      visibility: 'public',
    });
    const second = await bobTab.wait('notification.created', (f) => f.notification.messageId === publicMessage.id);
    expect(second.unread).toBe(2);
    await visitor.wait('message.created', (f) => f.message.id === publicMessage.id);
    await settle(150);

    expect(bobTab.of('notification.created')).toHaveLength(2);
    expect(carolSocket.of('notification.created')).toHaveLength(0);
    expect(aliceSocket.of('notification.created')).toHaveLength(0);
    const wire = visitorBytes.join('\n');
    expect(wire).toContain('Let me ask @bob about that.');
    for (const secret of ['notification', 'SECRET-NOTE', created.notification.id, second.notification.id, note.id]) {
      expect(wire).not.toContain(secret);
    }

    const bobCookie = await loginCookie(server, bob.email);
    const inbox = await api<NotificationList>(server, bobCookie, 'GET', '/api/operator/notifications');
    expect(inbox.body.unread).toBe(2);
    expect(inbox.body.notifications.map((n) => n.messageId)).toEqual([publicMessage.id, note.id]);
    const carolCookie = await loginCookie(server, carol.email);
    expect((await api<NotificationList>(server, carolCookie, 'GET', '/api/operator/notifications')).body).toEqual({
      notifications: [],
      unread: 0,
    });
  });

  it('marks notifications read by id or all at once, and tells the other tabs', async () => {
    const server = await start();
    const { aliceSocket, conversationId } = await conversationOfAlice(server);
    const bob = await createOperator(server, 'Bob');
    const carol = await createOperator(server, 'Carol');
    const bobTab = await connectOperator(server, bob);
    for (const text of ['@Bob one', '@Bob two', '@Bob three'])
      await mention(aliceSocket, conversationId, text, [bob.id]);
    await bobTab.wait('notification.created', (f) => f.unread === 3);
    const bobCookie = await loginCookie(server, bob.email);
    const [newest, , oldest] = (await api<NotificationList>(server, bobCookie, 'GET', '/api/operator/notifications'))
      .body.notifications;
    if (!newest || !oldest) throw new Error('expected three notifications');

    // Another operator cannot mark Bob's notifications read.
    const carolCookie = await loginCookie(server, carol.email);
    expect(
      (await api(server, carolCookie, 'POST', '/api/operator/notifications/read', { ids: [oldest.id] })).body,
    ).toEqual({
      unread: 0,
    });

    for (const bad of [
      {},
      { ids: [] },
      { ids: ['not an id'] },
      { all: false },
      { ids: [oldest.id], all: true },
      { everything: true },
    ]) {
      const refused = await api<ErrorBody>(server, bobCookie, 'POST', '/api/operator/notifications/read', bad);
      expect({ bad, status: refused.status, code: refused.body.error.code }).toEqual({
        bad,
        status: 400,
        code: 'bad_request',
      });
    }

    const one = await api(server, bobCookie, 'POST', '/api/operator/notifications/read', { ids: [oldest.id] });
    expect(one.body).toEqual({ unread: 2 });
    const told = await bobTab.wait('notifications.read');
    expect(told).toEqual({ type: 'notifications.read', ids: [oldest.id], unread: 2 });

    const all = await api(server, bobCookie, 'POST', '/api/operator/notifications/read', { all: true });
    expect(all.body).toEqual({ unread: 0 });
    await bobTab.wait('notifications.read', (f) => f.unread === 0);
    const inbox = (await api<NotificationList>(server, bobCookie, 'GET', '/api/operator/notifications')).body;
    expect(inbox.unread).toBe(0);
    expect(inbox.notifications.every((n) => n.readAt !== null)).toBe(true);
  });
});

describe('what a mention lets the operator open', () => {
  it('lets the mentioned operator sync, read and answer that conversation only; others stay forbidden', async () => {
    const server = await start();
    const { aliceSocket, visitor, conversationId } = await conversationOfAlice(server);
    const other = await say(await (await newVisitor(server)).connect(), 'A different question');
    const bob = await createOperator(server, 'Bob');
    const carol = await createOperator(server, 'Carol');
    const bobSocket = await connectOperator(server, bob);
    const carolSocket = await connectOperator(server, carol);
    const bobCookie = await loginCookie(server, bob.email);
    const carolCookie = await loginCookie(server, carol.email);

    const refused = async (client: Client, id: string) => {
      const frameId = client.nextId();
      client.send({ type: 'sync', id: frameId, conversationId: id, afterSeq: 0 });
      return (await client.wait('error', (f) => f.frameId === frameId)).code;
    };
    expect(await refused(bobSocket, conversationId)).toBe('forbidden');

    await mention(aliceSocket, conversationId, '@Bob do you know about refunds?', [bob.id]);
    await bobSocket.wait('notification.created');

    const opened = await sync(bobSocket, 0, conversationId);
    expect(spoken(opened.messages).map((m) => m.body)).toEqual([
      'My refund has not arrived',
      '@Bob do you know about refunds?',
    ]);
    const history = await api<{ messages: Array<{ author: { kind: string } }> }>(
      server,
      bobCookie,
      'GET',
      `/api/operator/conversations/${conversationId}/messages`,
    );
    expect(history.status).toBe(200);
    expect(spoken(history.body.messages)).toHaveLength(2);
    // The conversation stays open for Bob as it goes on, not only at the moment he synced.
    for (const text of ['Any news?', 'Hello?']) {
      await say(visitor, text);
      await bobSocket.wait('message.created', (f) => f.message.body === text);
    }

    expect(await refused(carolSocket, conversationId)).toBe('forbidden');
    const carolHistory = await api<ErrorBody>(
      server,
      carolCookie,
      'GET',
      `/api/operator/conversations/${conversationId}/messages`,
    );
    expect(carolHistory.status).toBe(403);
    expect(carolHistory.body.error.code).toBe('forbidden');
    // Only that conversation: the mention opens nothing else of Alice's.
    expect(await refused(bobSocket, other.conversationId)).toBe('forbidden');

    const id = bobSocket.nextId();
    bobSocket.send({ type: 'message.send', id, conversationId, clientId: 'bob-1', body: 'Refunds take 5 days.' });
    await bobSocket.wait('message.ack', (f) => f.id === id);
    await visitor.wait('message.created', (f) => f.message.body === 'Refunds take 5 days.');
  });
});

describe('mentions by email', () => {
  it('emails an operator who chose email through a real SMTP server, with who, what and a link', async () => {
    const smtp = await startSmtp();
    const server = await start({ smtpUrl: smtp.url });
    const { aliceSocket, conversationId } = await conversationOfAlice(server);
    const bob = await createOperator(server, 'Bob');
    await setPreference(server, bob, 'email');
    const bobSocket = await connectOperator(server, bob);

    const text = '@Bob could you look at the refund for order #1234? It is urgent = "now" & more.';
    const sent = await mention(aliceSocket, conversationId, text, [bob.id]);
    const mail = await until(async () => smtp.received[0]);

    expect(mail.to).toEqual(['bob@example.com']);
    expect(mail.from).toBe('livechat@localhost');
    const { headers, text: body } = readMail(mail.raw);
    expect(headers.get('to')).toBe('bob@example.com');
    expect(headers.get('subject')).toBe('Alice mentioned you in a conversation');
    expect(body).toContain('Alice mentioned you in a live chat conversation');
    expect(body).toContain(`> ${text}`);
    const port = new URL(server.url).port;
    expect(body).toContain(`http://localhost:${port}/operator/#/conversations/${conversationId}`);

    // Email in addition to the inbox, and the link opens the conversation for Bob.
    await settle(100);
    expect(bobSocket.of('notification.created')).toHaveLength(1);
    expect(await server.sql('SELECT message_id FROM notifications')).toEqual([{ message_id: sent.id }]);
    // Through the outbox, which hears back from the SMTP server a moment after the capture has it.
    expect(
      await until(async () => {
        const rows = await server.sql<{ kind: string; status: string }>('SELECT kind, status FROM email_outbox');
        return rows[0]?.status === 'sent' ? rows : null;
      }),
    ).toEqual([{ kind: 'mention', status: 'sent' }]);
    expect((await sync(bobSocket, 0, conversationId)).messages.map((m) => m.id)).toContain(sent.id);
    expect(smtp.received).toHaveLength(1);
  });

  it('never holds up or fails the message when the SMTP server is unreachable', async () => {
    const server = await start({ smtpUrl: `smtp://127.0.0.1:${await closedPort()}` });
    const errors = vi.spyOn(server.app.log, 'error');
    const { aliceSocket, visitor, conversationId } = await conversationOfAlice(server);
    const bob = await createOperator(server, 'Bob');
    await setPreference(server, bob, 'email');

    const message = await mention(aliceSocket, conversationId, '@Bob please call them back', [bob.id], {
      visibility: 'public',
    });
    expect(message.body).toBe('@Bob please call them back');
    await visitor.wait('message.created', (f) => f.message.id === message.id);
    // The email waits in the outbox for its next attempt; the message was never held up.
    const [queued] = await until(async () => {
      const rows = await server.sql<{ status: string; attempts: number; last_error: string | null }>(
        'SELECT status, attempts, last_error FROM email_outbox',
      );
      return rows[0]?.last_error ? rows : null;
    });
    expect(queued).toMatchObject({ status: 'pending', attempts: 1 });
    expect(errors.mock.calls.filter(([, msg]) => msg === 'mention notification failed')).toEqual([]);
    const next = await mention(aliceSocket, conversationId, 'Anything else?', [], { visibility: 'public' });
    expect(next.seq).toBe(message.seq + 1);
  });

  it('keeps the email in the outbox when SMTP_URL is unset, for admins only', async () => {
    const server = await start();
    const infos = vi.spyOn(server.app.log, 'info');
    const { alice, aliceSocket, conversationId } = await conversationOfAlice(server);
    const admin = await createOperator(server, 'Dana', 'admin');
    const bob = await createOperator(server, 'Bob');
    const bobCookie = await setPreference(server, bob, 'email');

    await mention(aliceSocket, conversationId, '@Bob the customer asks for you', [bob.id]);
    const adminCookie = await loginCookie(server, admin.email);
    const outbox = await until(async () => {
      const list = await api<OutboxList>(server, adminCookie, 'GET', '/api/admin/outbox');
      return list.body.emails.length > 0 ? list.body : null;
    });
    expect(outbox.emails).toHaveLength(1);
    expect(outbox.emails[0]).toMatchObject({ to: 'bob@example.com', subject: 'Alice mentioned you in a conversation' });
    expect(outbox.emails[0]?.text).toContain('> @Bob the customer asks for you');
    expect(outbox.emails[0]?.text).toContain(`/operator/#/conversations/${conversationId}`);
    expect(
      infos.mock.calls.filter(([, msg]) => typeof msg === 'string' && msg.includes('kept in the outbox')),
    ).toHaveLength(1);

    for (const cookie of [bobCookie, await loginCookie(server, alice.email)]) {
      const refused = await api<ErrorBody>(server, cookie, 'GET', '/api/admin/outbox');
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe('forbidden');
    }
    expect((await api<ErrorBody>(server, '', 'GET', '/api/admin/outbox')).status).toBe(401);
  });
});

describe('notification preference', () => {
  it('lets each operator choose inbox or email for themselves', async () => {
    const server = await start();
    const bob = await createOperator(server, 'Bob');
    const cookie = await loginCookie(server, bob.email);
    expect(
      (await api<{ operator: OperatorProfile }>(server, cookie, 'GET', '/api/operator/me')).body.operator.notify,
    ).toBe('inbox');

    const changed = await api<{ operator: OperatorProfile }>(server, cookie, 'PATCH', '/api/operator/me', {
      notify: 'email',
    });
    expect(changed.status).toBe(200);
    expect(changed.body.operator).toEqual({ ...bob, notify: 'email' });
    expect(
      (await api<{ operator: OperatorProfile }>(server, cookie, 'GET', '/api/operator/me')).body.operator.notify,
    ).toBe('email');

    for (const bad of [{ notify: 'sms' }, {}, { notify: 'inbox', role: 'admin' }, { notify: 'inbox', name: '  ' }]) {
      const refused = await api<ErrorBody>(server, cookie, 'PATCH', '/api/operator/me', bad);
      expect({ bad, status: refused.status, code: refused.body.error.code }).toEqual({
        bad,
        status: 400,
        code: 'bad_request',
      });
    }
    expect(await server.sql('SELECT name, role, notify FROM operators WHERE id = ?', bob.id)).toEqual([
      { name: 'Bob', role: 'operator', notify: 'email' },
    ]);
    expect((await api(server, '', 'PATCH', '/api/operator/me', { notify: 'inbox' })).status).toBe(401);

    const back = await api<{ operator: OperatorProfile }>(server, cookie, 'PATCH', '/api/operator/me', {
      notify: 'inbox',
    });
    expect(back.body.operator.notify).toBe('inbox');
  });
});
