// How a system line reads in the operator UI: worded from its event when the server gives one, else its stored text.

import type { Message } from '@livechat/protocol';

export function systemLineText(message: Pick<Message, 'body' | 'system'>, selfName: string | null = null): string {
  const system = message.system;
  if (!system) return message.body;
  const who = selfName !== null && system.name === selfName ? 'You' : system.name;
  switch (system.event) {
    case 'joined':
      return `${who} joined`;
    case 'resolved':
      return `${who} resolved the conversation`;
    case 'ended':
      return 'The visitor ended the conversation';
    case 'transferred':
      return `Transferred to ${who}`;
    default:
      return message.body;
  }
}
