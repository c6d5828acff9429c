// What the outgoing mail tests share: a server with short mail waits, a visitor who left an email, polling.

import type { OperatorProfile } from '@livechat/protocol';
import type { Config } from '../src/config.ts';
import { call } from './away-harness.ts';
import {
  type Client,
  connectOperator,
  createOperator,
  newVisitor,
  SITE_ORIGIN,
  say,
  settle,
  startServer,
  sync,
  type TestServer,
  type VisitorHandle,
} from './harness.ts';

/** Waits short enough for a test: a reply is emailed 200 ms after it was written, unseen. */
export const FAST_MAIL: Partial<Config> = {
  replyEmailDelayMs: 200,
  mailCheckMs: 50,
  mailRetryWaitsMs: [100, 100],
  mailDomain: 'chat.test',
};

export function startMailServer(overrides: Partial<Config> = {}): Promise<TestServer> {
  return startServer({ ...FAST_MAIL, ...overrides });
}

export async function until<T>(read: () => T | null | undefined | Promise<T | null | undefined>, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await settle(20);
  }
}

export interface Chat {
  alice: OperatorProfile;
  aliceSocket: Client;
  handle: VisitorHandle;
  visitor: Client;
  conversationId: string;
}

/**
 * A visitor on a product page leaves an email and writes; Alice, online, gets the conversation and
 * opens it. `email: null` leaves no email.
 */
export async function chatWithAlice(server: TestServer, email: string | null = 'jo@example.com'): Promise<Chat> {
  const alice = await createOperator(server, 'Alice');
  const aliceSocket = await connectOperator(server, alice);
  const handle = await newVisitor(server);
  await call(server, 'POST', '/api/sites/shop/page-views', {
    origin: SITE_ORIGIN,
    token: handle.token,
    body: { url: `${SITE_ORIGIN}/lamps/blue?size=2#reviews`, title: 'Blue lamp' },
  });
  if (email) {
    const left = await call(server, 'POST', '/api/sites/shop/contact-email', {
      origin: SITE_ORIGIN,
      token: handle.token,
      body: { email },
    });
    if (left.status !== 204) throw new Error(`email refused: ${left.status}`);
  }
  const visitor = await handle.connect();
  const { conversationId } = await say(visitor, 'Is the blue lamp in stock?');
  await aliceSocket.wait('conversation.updated', (f) => f.conversation.id === conversationId);
  await sync(aliceSocket, 0, conversationId);
  return { alice, aliceSocket, handle, visitor, conversationId };
}

/** Frames on one socket are handled in order: once the pong is back, every earlier frame was. */
export async function flush(client: Client): Promise<void> {
  const id = client.nextId();
  client.send({ type: 'ping', id });
  await client.wait('pong', (frame) => frame.id === id);
}

export const replyRows = (server: TestServer) =>
  server.sql<{ to_address: string; status: string; subject: string }>(
    "SELECT to_address, status, subject FROM email_outbox WHERE kind = 'reply'",
  );
