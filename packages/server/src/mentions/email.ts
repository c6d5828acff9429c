// The email that tells an operator they were mentioned, and the two ways it leaves: SMTP or the outbox.

import nodemailer from 'nodemailer';
import type { Logger } from '../realtime/connection.ts';
import type { OutboxRepository } from './outbox.ts';

export interface Email {
  to: string;
  subject: string;
  text: string;
}

export interface MentionEmailInput {
  to: string;
  authorName: string;
  visitorName: string | null;
  body: string;
  link: string;
}

/** Where the operator UI opens a conversation. */
export const conversationLink = (base: string, conversationId: string): string =>
  `${base.replace(/\/+$/, '')}/operator/#/conversations/${encodeURIComponent(conversationId)}`;

/** Names go into a header: one line, however they were typed. */
const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim();

export function mentionEmail(input: MentionEmailInput): Email {
  const author = oneLine(input.authorName);
  const where = input.visitorName ? ` with ${oneLine(input.visitorName)}` : '';
  const quoted = input.body.split(/\r?\n/).map((line) => `> ${line}`);
  return {
    to: input.to,
    subject: `${author} mentioned you in a conversation${where}`,
    text: [
      `${author} mentioned you in a live chat conversation${where}:`,
      '',
      ...quoted,
      '',
      `Open the conversation: ${input.link}`,
      '',
      'You get these by email because your notification preference is "email"; you can switch to the inbox in the operator UI.',
    ].join('\n'),
  };
}

export interface Mailer {
  /** `sent` over SMTP, or `kept` in the outbox when no SMTP server is configured. */
  send(email: Email): Promise<'sent' | 'kept'>;
  close(): void;
}

export interface MailerOptions {
  smtpUrl: string | null;
  from: string;
  outbox: OutboxRepository;
  log: Logger & { info(obj: object, msg: string): void };
}

export function createMailer({ smtpUrl, from, outbox, log }: MailerOptions): Mailer {
  if (!smtpUrl) {
    return {
      async send(email) {
        await outbox.add(email);
        log.info({ to: email.to }, 'SMTP_URL is not set: the email was kept in the outbox (GET /api/admin/outbox)');
        return 'kept';
      },
      close() {},
    };
  }
  // Short timeouts: an unreachable SMTP server should fail a notification quickly, not pile them up.
  const transport = nodemailer.createTransport(
    { url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
    { from },
  );
  return {
    async send(email) {
      await transport.sendMail(email);
      return 'sent';
    },
    close() {
      transport.close();
    },
  };
}
