// System lines ("Alice joined", "Alice resolved the conversation"): public messages stored and sent
// like any other, carrying their event so that each client words them in its own language.

import type { Message, OperatorProfile, SystemEvent } from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import type { Conversation } from './repository.ts';

/** The English words of a system line; clients word it from `system` in their own language. */
export function systemLineText(event: SystemEvent, name: string): string {
  switch (event) {
    case 'joined':
      return `${name} joined`;
    case 'resolved':
      return `${name} resolved the conversation`;
    case 'ended':
      return 'The visitor ended the conversation';
    case 'transferred':
      return `${name} transferred the conversation`;
  }
}

type Target = Pick<Conversation, 'id' | 'visitorId'>;

export class SystemLines {
  constructor(
    private readonly store: Store,
    private readonly publish: (conversation: Target, message: Message) => void,
  ) {}

  /** Stores the line (the conversation must be open) and sends it on; resolves once it is stored. */
  async say(conversation: Target, event: SystemEvent, actor: { id: string | null; name: string }): Promise<Message> {
    const message = await this.write(conversation, event, actor);
    this.publish(conversation, message);
    return message;
  }

  /** Stores the line without sending it: for a caller that sends it once its transaction is committed. */
  async write(conversation: Target, event: SystemEvent, actor: { id: string | null; name: string }): Promise<Message> {
    return (await this.append(conversation, event, actor, null)).message;
  }

  /** "NAME joined", the first time the operator is in this conversation; null when it was said before. */
  async joined(conversation: Target, operator: Pick<OperatorProfile, 'id' | 'name'>): Promise<Message | null> {
    if (await this.store.messages.hasSystemLine(conversation.id, 'joined', operator.id)) return null;
    // A hand-out and a reply may join the same operator at once, on one node or two: the line's client id
    // (unique per author in a conversation) makes the second append return the first line, unsaid.
    const { message, duplicate } = await this.append(conversation, 'joined', operator, JOINED);
    if (duplicate) return null;
    this.publish(conversation, message);
    return message;
  }

  private append(
    conversation: Target,
    event: SystemEvent,
    actor: { id: string | null; name: string },
    clientId: string | null,
  ): Promise<{ message: Message; duplicate: boolean }> {
    return this.store.messages.append({
      conversationId: conversation.id,
      author: { kind: 'system', id: actor.id, name: actor.name },
      body: systemLineText(event, actor.name),
      visibility: 'public',
      clientId,
      systemEvent: event,
    });
  }
}

/** The client id of an operator's "joined" line: one per operator and conversation, since the author is part of it. */
const JOINED = 'joined';
