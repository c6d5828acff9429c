// What a received reply email does: who may send it, what of it is kept, and which conversation it joins.

import { createHash } from 'node:crypto';
import { MAX_BODY_LENGTH } from '@livechat/protocol';
import type { ParsedMail } from 'mailparser';
import type { ConversationService } from '../conversations/service.ts';
import type { Store } from '../db/store.ts';
import { automaticMailReason } from './inbound-checks.ts';
import { replyText } from './inbound-text.ts';
import { conversationOfToken } from './token-conversation.ts';

export interface ReceivedReply {
  /** The token of the reply address it was sent to. */
  token: string;
  /** The envelope's sender (MAIL FROM); '' for the null return path of bounces and auto-replies. */
  returnPath: string;
  mail: ParsedMail;
  /** The whole message, for an id when it carries no Message-ID. */
  raw: Buffer;
}

/**
 * `added`: in the conversation (again, for a re-delivered mail: stored once). `dropped`: an automatic mail,
 * accepted and ignored so that no bounce answers it. `refused`: the sender is told why, with an SMTP code.
 */
export type Delivery =
  | { outcome: 'added'; conversationId: string; seq: number }
  | { outcome: 'dropped'; reason: string }
  | { outcome: 'refused'; responseCode: number; reason: string; conversationId?: string };

export interface DeliveryDeps {
  store: Store;
  conversations: ConversationService;
}

/**
 * The message's client id: the same mail delivered twice (a sender's retry, two MX hosts) gives the same id,
 * which the conversation stores once.
 */
export function mailClientId(mail: Pick<ParsedMail, 'messageId'>, raw: Buffer): string {
  const source = mail.messageId ? `message-id:${mail.messageId.trim()}` : raw;
  return `mail-${createHash('sha256').update(source).digest('base64url').slice(0, 32)}`;
}

const fromAddress = (mail: ParsedMail): string => mail.from?.value[0]?.address?.trim().toLowerCase() ?? '';

export async function deliverReply(deps: DeliveryDeps, reply: ReceivedReply): Promise<Delivery> {
  const { store, conversations } = deps;
  const automatic = automaticMailReason(reply.mail.headers, reply.returnPath);
  if (automatic) return { outcome: 'dropped', reason: `an automatic mail (${automatic})` };
  const found = await conversationOfToken(store, reply.token);
  if (!found.ok) return { outcome: 'refused', responseCode: 550, reason: `${found.reason} token` };
  const { conversation } = found;
  const refused = (responseCode: number, reason: string): Delivery => ({
    outcome: 'refused',
    responseCode,
    reason,
    conversationId: conversation.id,
  });
  const [visitor, site] = await Promise.all([
    store.visitors.byId(conversation.visitorId),
    store.sites.get(conversation.siteId),
  ]);
  if (!visitor || !site) return refused(550, 'unknown token');
  if (site.archivedAt) return refused(550, 'the site is archived');
  const sender = fromAddress(reply.mail);
  if (!visitor.email || sender !== visitor.email.toLowerCase()) {
    return refused(550, `wrong sender ${sender || '(none)'}: not the conversation's visitor`);
  }
  const body = replyText(reply.mail);
  if (!body) return refused(550, 'nothing to add once quotes and signatures are removed');
  if (body.length > MAX_BODY_LENGTH) return refused(552, `longer than ${MAX_BODY_LENGTH} characters`);
  const message = await conversations.visitorReplyByEmail(visitor, conversation, {
    clientId: mailClientId(reply.mail, reply.raw),
    body,
  });
  return { outcome: 'added', conversationId: message.conversationId, seq: message.seq };
}
