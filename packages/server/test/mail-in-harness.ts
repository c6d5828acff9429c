// What the tests of email replies share: a server with its SMTP receiver, a visitor with an email, real mail sent to it.

import type { OperatorProfile } from '@livechat/protocol';
import nodemailer from 'nodemailer';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Mock } from 'vitest';
import { vi } from 'vitest';
import { signConversationToken } from '../src/mail/conversation-token.ts';
import { CONVERSATION_KEY } from '../src/mail/token-conversation.ts';
import { call } from './away-harness.ts';
import {
  type Client,
  connectOperator,
  createOperator,
  loginCookie,
  newVisitor,
  SITE_ORIGIN,
  say,
  startServer,
  type TestServer,
  type VisitorHandle,
} from './harness.ts';

export const MAIL_DOMAIN = 'chat.shop.test';
export const VISITOR_EMAIL = 'ada@example.com';

export interface MailWorld {
  server: TestServer;
  alice: OperatorProfile;
  /** Alice's operator socket: what she sees live. */
  aliceSocket: Client;
  /** The server's log warnings, one call per line. */
  warnings: Mock<(...args: unknown[]) => void>;
}

export async function startMailWorld(inboundMaxBytes = 64 * 1024): Promise<MailWorld> {
  const server = await startServer({ inboundSmtpPort: 0, mailDomain: MAIL_DOMAIN, inboundMaxBytes });
  const alice = await createOperator(server, 'Alice');
  const aliceSocket = await connectOperator(server, alice);
  // The log itself is real (and silent in tests); the spy only counts its warning lines.
  const warnings = vi.spyOn(server.app.log, 'warn') as unknown as Mock<(...args: unknown[]) => void>;
  return { server, alice, aliceSocket, warnings };
}

/** The text of each warning line. */
export const warningLines = (world: MailWorld): string[] =>
  world.warnings.mock.calls.map((args) => String(args.find((arg) => typeof arg === 'string') ?? ''));

export interface VisitorThread {
  handle: VisitorHandle;
  conversationId: string;
}

/** A visitor who left their email and wrote once; Alice, the only one online, has their conversation. */
export async function visitorThread(world: MailWorld, email: string | null = VISITOR_EMAIL): Promise<VisitorThread> {
  const handle = await newVisitor(world.server);
  if (email) {
    const saved = await call(world.server, 'POST', '/api/sites/shop/contact-email', {
      origin: SITE_ORIGIN,
      token: handle.token,
      body: { email },
    });
    if (saved.status !== 204) throw new Error(`contact email refused: ${saved.status}`);
  }
  const tab = await handle.connect();
  const { conversationId } = await say(tab, 'Where is my parcel?');
  await tab.close();
  return { handle, conversationId };
}

export async function resolve(world: MailWorld, conversationId: string): Promise<void> {
  const cookie = await loginCookie(world.server, world.alice.email);
  const answer = await call(world.server, 'POST', `/api/operator/conversations/${conversationId}/resolve`, { cookie });
  if (answer.status !== 200) throw new Error(`resolve failed: ${answer.status}`);
}

export async function tokenFor(world: MailWorld, conversationId: string, now?: Date): Promise<string> {
  return signConversationToken(await world.server.app.store.settings.signingKey(CONVERSATION_KEY), conversationId, now);
}

export const replyAddress = (token: string) => `reply+${token}@${MAIL_DOMAIN}`;

export interface Outgoing {
  to: string;
  from?: string;
  text?: string;
  html?: string;
  headers?: Record<string, string>;
  messageId?: string;
  /** The envelope's sender; '' for the null return path. */
  returnPath?: string;
}

/** What the receiver answered: accepted, or its SMTP code. */
export interface Answered {
  accepted: boolean;
  responseCode: number | null;
  response: string;
}

/** Sends one real mail to the server's receiver, as a mail server or a forwarder would. */
export async function sendMail(world: MailWorld, mail: Outgoing): Promise<Answered> {
  const address = world.server.app.inboundMail?.address();
  if (!address) throw new Error('the receiver is not listening');
  const transport = nodemailer.createTransport({
    host: '127.0.0.1',
    port: address.port,
    secure: false,
    ignoreTLS: true,
  });
  const from = mail.from ?? VISITOR_EMAIL;
  try {
    const info = await transport.sendMail({
      from,
      to: mail.to,
      subject: 'Re: Your conversation with Shop',
      ...(mail.text !== undefined ? { text: mail.text } : {}),
      ...(mail.html !== undefined ? { html: mail.html } : {}),
      ...(mail.headers ? { headers: mail.headers } : {}),
      ...(mail.messageId ? { messageId: mail.messageId } : {}),
      envelope: { from: mail.returnPath ?? from, to: mail.to },
    });
    return { accepted: info.accepted.length > 0, responseCode: 250, response: info.response };
  } catch (error) {
    const failure = error as { responseCode?: number; response?: string; message: string };
    return {
      accepted: false,
      responseCode: failure.responseCode ?? null,
      response: failure.response ?? failure.message,
    };
  } finally {
    transport.close();
  }
}

/**
 * Sends a message as written, with the envelope given: a null return path (`from: ''`), or a size declared
 * in MAIL FROM or not.
 */
export async function sendRaw(
  world: MailWorld,
  envelope: { from: string; to: string; size?: number },
  message: string,
): Promise<Answered> {
  const address = world.server.app.inboundMail?.address();
  if (!address) throw new Error('the receiver is not listening');
  const connection = new SMTPConnection({ host: '127.0.0.1', port: address.port, ignoreTLS: true });
  await new Promise<void>((resolve, reject) => {
    connection.once('error', reject);
    connection.connect(() => resolve());
  });
  try {
    return await new Promise<Answered>((resolve) => {
      connection.send(envelope, message, (error, info) => {
        if (error) {
          const failure = error as Error & { responseCode?: number; response?: string };
          resolve({ accepted: false, responseCode: failure.responseCode ?? null, response: failure.response ?? '' });
        } else resolve({ accepted: info.accepted.length > 0, responseCode: 250, response: info.response });
      });
    });
  } finally {
    connection.quit();
  }
}

/** A plain text mail, headers first. */
export function rawMail(headers: Record<string, string>, text: string): string {
  const lines = Object.entries({ 'Content-Type': 'text/plain; charset=utf-8', ...headers }).map(
    ([name, value]) => `${name}: ${value}`,
  );
  return `${lines.join('\r\n')}\r\n\r\n${text.replace(/\n/g, '\r\n')}\r\n`;
}

/** Every stored message of the conversation, oldest first. */
export const storedMessages = (world: MailWorld, conversationId: string) =>
  world.server.sql<{ seq: number; body: string; author_kind: string; client_id: string | null }>(
    'SELECT seq, body, author_kind, client_id FROM messages WHERE conversation_id = ? ORDER BY seq',
    conversationId,
  );

/** Every conversation and its messages: what must not change when a mail is refused. */
export const everything = async (world: MailWorld) => ({
  conversations: await world.server.sql('SELECT * FROM conversations ORDER BY id'),
  messages: await world.server.sql('SELECT conversation_id, seq, body FROM messages ORDER BY conversation_id, seq'),
});
