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
  /** Conversation and operator pairs whose "joined" line is being written. */
  private readonly joining = new Set<string>();

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
    const { message } = await this.store.messages.append({
      conversationId: conversation.id,
      author: { kind: 'system', id: actor.id, name: actor.name },
      body: systemLineText(event, actor.name),
      visibility: 'public',
      clientId: null,
      systemEvent: event,
    });
    return message;
  }

  /** "NAME joined", the first time the operator is in this conversation; null when it was said before. */
  async joined(conversation: Target, operator: Pick<OperatorProfile, 'id' | 'name'>): Promise<Message | null> {
    // A hand-out and a reply may join the same operator at once: one of them says it.
    const key = `${conversation.id} ${operator.id}`;
    if (this.joining.has(key)) return null;
    this.joining.add(key);
    try {
      if (await this.store.messages.hasSystemLine(conversation.id, 'joined', operator.id)) return null;
      return await this.say(conversation, 'joined', operator);
    } finally {
      this.joining.delete(key);
    }
  }
}
