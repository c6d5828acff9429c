// Sends what the outbox holds over SMTP: each email claimed for one attempt, then sent, retried later, or failed.

import type { OutboxEmail } from '@livechat/protocol';
import nodemailer, { type SendMailOptions, type Transporter } from 'nodemailer';
import type { Logger } from '../realtime/connection.ts';
import { nextAttemptAt } from './backoff.ts';
import type { ClaimedEmail, OutboxRepository, OutgoingEmail } from './outbox.ts';
import { senderAddress } from './sender.ts';

/** What became of an email handed to the mailer: `sent` at once, `pending` a retry, `kept` without SMTP. */
export type SendOutcome = 'sent' | 'pending' | 'kept';

export interface Mailer {
  /** Stores the email in the outbox, then makes its first attempt at once. Rejects only if it cannot be stored. */
  send(email: OutgoingEmail): Promise<SendOutcome>;
}

export interface MailQueueOptions {
  smtpUrl: string | null;
  mailFrom: string;
  retryWaitsMs: readonly number[];
  outbox: OutboxRepository;
  log: Logger & { info(obj: object, msg: string): void };
  /** Asks the worker to run now: something was queued. */
  nudge: () => void;
}

/** An attempt under way holds its email this long; a process that died mid-attempt leaves it to a later one. */
const ATTEMPT_HOLD_MS = 5 * 60_000;
const DUE_PAGE = 50;
const ERROR_LENGTH = 500;

function errorText(err: unknown): string {
  const response = (err as { response?: unknown } | null)?.response;
  const text = typeof response === 'string' ? response : err instanceof Error ? err.message : String(err);
  return text.slice(0, ERROR_LENGTH);
}

export class MailQueue implements Mailer {
  private readonly transport: Transporter | null;
  private readonly address: string;

  constructor(private readonly options: MailQueueOptions) {
    this.address = senderAddress(options.mailFrom);
    // Short timeouts: an unreachable SMTP server should fail an attempt quickly, not hold the queue.
    this.transport = options.smtpUrl
      ? nodemailer.createTransport(
          { url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
          { from: options.mailFrom },
        )
      : null;
  }

  async send(email: OutgoingEmail): Promise<SendOutcome> {
    const stored = await this.store(email);
    if (stored.status === 'kept') return 'kept';
    return (await this.attempt(stored.id)) ? 'sent' : 'pending';
  }

  /** Stores the email for the worker, which is nudged to send it at once; the caller does not wait for SMTP. */
  async queue(email: OutgoingEmail): Promise<OutboxEmail> {
    const stored = await this.store(email);
    if (stored.status === 'pending') this.options.nudge();
    return stored;
  }

  private async store(email: OutgoingEmail): Promise<OutboxEmail> {
    const { outbox, log } = this.options;
    if (this.transport) return outbox.add(email, 'pending');
    const kept = await outbox.add(email, 'kept');
    log.info({ to: email.to }, 'SMTP_URL is not set: the email was kept in the outbox (GET /api/admin/outbox)');
    return kept;
  }

  /** Whether an SMTP server is configured; without one every email is kept. */
  get sending(): boolean {
    return this.transport !== null;
  }

  /** Attempts every email that is due, one after another. */
  async deliverDue(): Promise<void> {
    if (!this.transport) return;
    for (const id of await this.options.outbox.due(new Date().toISOString(), DUE_PAGE)) await this.attempt(id);
  }

  close(): void {
    this.transport?.close();
  }

  /** True when this attempt sent it; false when it failed, or another attempt holds it. */
  private async attempt(id: string): Promise<boolean> {
    const { outbox } = this.options;
    const time = new Date();
    const claimed = await outbox.claim(
      id,
      time.toISOString(),
      new Date(time.getTime() + ATTEMPT_HOLD_MS).toISOString(),
    );
    if (!claimed || !this.transport) return false;
    try {
      await this.transport.sendMail(this.message(claimed));
    } catch (err) {
      await this.failed(claimed, err);
      return false;
    }
    await outbox.markSent(id, new Date().toISOString());
    return true;
  }

  private message(email: ClaimedEmail): SendMailOptions {
    return {
      to: email.to,
      subject: email.subject,
      text: email.text,
      ...(email.fromName ? { from: { name: email.fromName, address: this.address } } : {}),
      ...(email.replyTo ? { replyTo: email.replyTo } : {}),
    };
  }

  private async failed(email: ClaimedEmail, err: unknown): Promise<void> {
    const next = nextAttemptAt(email.attempts, this.options.retryWaitsMs, new Date());
    const error = errorText(err);
    await this.options.outbox.markAttemptFailed(email.id, error, next?.toISOString() ?? null);
    const context = { to: email.to, kind: email.kind, attempts: email.attempts, error };
    if (next)
      this.options.log.warn(
        { ...context, nextAttemptAt: next.toISOString() },
        'an email could not be sent; it will be tried again',
      );
    else
      this.options.log.error(context, 'an email could not be sent after its last attempt: it is failed in the outbox');
  }
}
