// The SMTP receiver for visitors' email replies: reply+TOKEN@MAIL_DOMAIN, behind the domain's MX or a forwarder.

import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import type { Config } from '../config.ts';
import { type Delivery, type DeliveryDeps, deliverReply } from './inbound-delivery.ts';
import { replyToken } from './inbound-checks.ts';
import { conversationOfToken } from './token-conversation.ts';

type Done = (error?: Error | null) => void;

export interface InboundDeps extends DeliveryDeps {
  config: Pick<Config, 'inboundSmtpHost' | 'inboundSmtpPort' | 'inboundMaxBytes' | 'mailDomain'>;
  log: FastifyBaseLogger;
}

/** An SMTP answer: 5xx tells the sender it is final, 4xx to try again later. */
function smtpError(responseCode: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode });
}

interface Refusal {
  responseCode: number;
  /** What the sender reads. */
  answer: string;
  /** What the log says. */
  reason: string;
}

const oversized = (max: number, what: string): Refusal => ({
  responseCode: 552,
  answer: `message exceeds fixed maximum message size ${max}`,
  reason: `oversized (${what}, at most ${max} bytes)`,
});

/** The envelope's sender; '' for the null return path. */
const senderOf = (session: SMTPServerSession): string =>
  session.envelope.mailFrom ? session.envelope.mailFrom.address : '';

const TOKEN_ANSWERS = {
  forged: 'reply address not recognised',
  expired: 'reply address expired: answer in the chat instead',
  unknown: 'no such conversation',
} as const;

export class InboundReceiver {
  private readonly server: SMTPServer;

  constructor(private readonly deps: InboundDeps) {
    this.server = new SMTPServer({
      // It sits behind the MX or a provider's forwarding: nobody logs in, and TLS is theirs.
      secure: false,
      disabledCommands: ['AUTH', 'STARTTLS'],
      name: deps.config.mailDomain,
      banner: 'reply receiver',
      size: deps.config.inboundMaxBytes,
      // Without a number in EHLO, a declared SIZE reaches onMailFrom, which refuses it with a log line.
      hideSize: true,
      logger: false,
      // A mail cut short by a shutdown is not acknowledged: its sender delivers it again.
      closeTimeout: 3000,
      // A bound on what one flood of connections holds open; a mail server turned away (421) comes back later.
      maxClients: 100,
      onMailFrom: (address, _session, done) => this.checkSender(address, done),
      onRcptTo: (address, session, done) => void this.checkRecipient(address, session, done),
      onData: (stream, session, done) => this.receive(stream, session, done),
    });
    // A port open to the world sees clients that vanish mid-session: worth a debug line, no more.
    this.server.on('error', (err) => deps.log.debug({ err }, 'inbound mail: connection error'));
  }

  async listen(): Promise<AddressInfo> {
    const { inboundSmtpHost: host, inboundSmtpPort: port } = this.deps.config;
    await new Promise<void>((resolve, reject) => {
      this.server.server.once('error', reject);
      this.server.listen(port ?? 0, host, () => {
        this.server.server.off('error', reject);
        resolve();
      });
    });
    const address = this.address();
    if (!address) throw new Error('the inbound SMTP receiver has no address');
    this.deps.log.info(`receiving reply emails on smtp://${address.address}:${address.port}`);
    return address;
  }

  address(): AddressInfo | null {
    const address = this.server.server.address();
    return address && typeof address === 'object' ? address : null;
  }

  close(): Promise<void> {
    if (!this.server.server.listening) return Promise.resolve();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  /** One warning line saying why, then the SMTP answer. */
  private refuse(done: Done, refusal: Refusal, context: object): void {
    this.deps.log.warn(context, `inbound mail refused: ${refusal.reason}`);
    done(smtpError(refusal.responseCode, refusal.answer));
  }

  private checkSender(address: SMTPServerAddress, done: Done): void {
    const declared = address.args ? Number(address.args.SIZE ?? 0) : 0;
    const max = this.deps.config.inboundMaxBytes;
    if (declared <= max) done();
    else this.refuse(done, oversized(max, `${declared} bytes declared`), { from: address.address });
  }

  private async checkRecipient(address: SMTPServerAddress, session: SMTPServerSession, done: Done): Promise<void> {
    // One conversation per mail: the answer to DATA is one for all recipients. A sender retries the others.
    if (session.envelope.rcptTo.length > 0) {
      done(smtpError(452, 'one reply address per message'));
      return;
    }
    try {
      const refusal = await this.recipientRefusal(address.address);
      if (refusal) this.refuse(done, refusal, { from: senderOf(session) });
      else done();
    } catch (err) {
      this.deps.log.error({ err }, 'inbound mail: a recipient could not be checked; the sender will try again');
      done(smtpError(451, 'could not check the reply address now, try again later'));
    }
  }

  private async recipientRefusal(recipient: string): Promise<Refusal | null> {
    const token = replyToken(recipient, this.deps.config.mailDomain);
    // The address is logged only when it is no reply address: a token opens its conversation.
    if (!token) return { responseCode: 550, answer: 'no such recipient', reason: `not a reply address (${recipient})` };
    const found = await conversationOfToken(this.deps.store, token);
    if (found.ok) return null;
    return { responseCode: 550, answer: TOKEN_ANSWERS[found.reason], reason: `${found.reason} token` };
  }

  private receive(stream: SMTPServerDataStream, session: SMTPServerSession, done: Done): void {
    const max = this.deps.config.inboundMaxBytes;
    const chunks: Buffer[] = [];
    let kept = 0;
    stream.on('data', (chunk: Buffer) => {
      // Past the limit the rest is read and dropped: the mail is refused whole.
      if (kept + chunk.length <= max) chunks.push(chunk);
      kept += chunk.length;
    });
    stream.once('error', (err) => done(err));
    stream.once('end', () => {
      if (stream.sizeExceeded) this.refuse(done, oversized(max, 'its data'), { from: senderOf(session) });
      else void this.deliver(Buffer.concat(chunks), session, done);
    });
  }

  private async deliver(raw: Buffer, session: SMTPServerSession, done: Done): Promise<void> {
    const returnPath = senderOf(session);
    const token = replyToken(session.envelope.rcptTo[0]?.address ?? '', this.deps.config.mailDomain) ?? '';
    try {
      const mail = await simpleParser(raw, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true });
      const delivery = await deliverReply(this.deps, { token, returnPath, mail, raw });
      this.answer(delivery, { from: returnPath, messageId: mail.messageId ?? null }, done);
    } catch (err) {
      this.deps.log.error({ err }, 'inbound mail could not be delivered; the sender will try again');
      done(smtpError(451, 'could not store the reply now, try again later'));
    }
  }

  private answer(delivery: Delivery, context: object, done: Done): void {
    if (delivery.outcome === 'added') {
      const { conversationId, seq } = delivery;
      this.deps.log.info({ ...context, conversationId, seq }, 'inbound mail added to its conversation');
      done();
    } else if (delivery.outcome === 'dropped') {
      // Accepted, so that no bounce goes back to a machine that may answer it in turn.
      this.deps.log.warn(context, `inbound mail refused: ${delivery.reason}, dropped`);
      done();
    } else {
      const { responseCode, reason, conversationId } = delivery;
      this.refuse(
        done,
        { responseCode, answer: reason, reason },
        { ...context, conversationId: conversationId ?? null },
      );
    }
  }
}
