// Tells the operators a new message mentions: always in their inbox, and by email too when they chose it.

import { mentionedIn, type OperatorProfile } from '@livechat/protocol';
import type { OperatorMessageSent } from '../conversations/service.ts';
import type { Store } from '../db/store.ts';
import type { EventBus } from '../events/bus.ts';
import type { Logger } from '../realtime/connection.ts';
import type { Mailer } from '../mail/mailer.ts';
import { conversationLink, mentionEmail } from './email.ts';
import type { NewNotification } from './notifications.ts';

const EXCERPT_LENGTH = 140;

/** The start of a message on one line, for an inbox row. */
export function excerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length <= EXCERPT_LENGTH ? line : `${line.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…`;
}

export interface MentionNotifierDeps {
  store: Store;
  bus: EventBus;
  mailer: Mailer;
  /** The origin links in emails point to. */
  linkBase: () => string;
  log: Logger;
}

/** Stores the notification and pushes it live to the operator's connections; false when it existed already. */
export async function notifyInInbox(deps: Pick<MentionNotifierDeps, 'store' | 'bus'>, input: NewNotification) {
  const notification = await deps.store.notifications.create(input);
  if (!notification) return false;
  const unread = await deps.store.notifications.unreadCount(input.operatorId);
  deps.bus.publish({
    kind: 'to-operator',
    operatorId: input.operatorId,
    frame: { type: 'notification.created', notification, unread },
  });
  return true;
}

export class MentionNotifier {
  constructor(private readonly deps: MentionNotifierDeps) {}

  /** The operators the composer tagged whose `@Name` is still in the text; never the author. */
  async mentioned(sent: OperatorMessageSent): Promise<OperatorProfile[]> {
    const ids = new Set(sent.mentionIds);
    ids.delete(sent.operator.id);
    const candidates: OperatorProfile[] = [];
    for (const id of ids) {
      // Invited and disabled operators are not told anything.
      const operator = await this.deps.store.operators.usable(id);
      if (operator) candidates.push(operator);
    }
    return mentionedIn(sent.message.body, candidates);
  }

  /** Never rejects: a failure for one operator is logged and the others are still notified. */
  async handle(sent: OperatorMessageSent): Promise<void> {
    let targets: OperatorProfile[];
    try {
      targets = await this.mentioned(sent);
    } catch (err) {
      this.deps.log.error({ err, messageId: sent.message.id }, 'could not read who a message mentions');
      return;
    }
    await Promise.all(
      targets.map((target) =>
        this.notify(target, sent).catch((err: unknown) =>
          this.deps.log.error(
            { err, operatorId: target.id, messageId: sent.message.id },
            'mention notification failed',
          ),
        ),
      ),
    );
  }

  private async notify(target: OperatorProfile, sent: OperatorMessageSent): Promise<void> {
    const { store } = this.deps;
    // First, so that the notification's link opens for them.
    await store.mentions.record(sent.conversation.id, target.id, sent.message.id);
    const created = await notifyInInbox(this.deps, {
      operatorId: target.id,
      conversationId: sent.conversation.id,
      messageId: sent.message.id,
      messageSeq: sent.message.seq,
      authorName: sent.operator.name,
      excerpt: excerpt(sent.message.body),
    });
    // A repeated handler run (the same message) sends no second email.
    if (created && target.notify === 'email') await this.email(target, sent);
  }

  private async email(target: OperatorProfile, sent: OperatorMessageSent): Promise<void> {
    const { store, mailer, linkBase } = this.deps;
    const visitor = await store.visitors.byId(sent.conversation.visitorId);
    await mailer.send({
      kind: 'mention',
      ...mentionEmail({
        to: target.email,
        authorName: sent.operator.name,
        visitorName: visitor?.name ?? null,
        body: sent.message.body,
        link: conversationLink(linkBase(), sent.conversation.id),
      }),
    });
  }
}
