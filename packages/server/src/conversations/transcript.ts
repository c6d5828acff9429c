// The transcript written into tickets and leads: what the visitor saw, one line per message.

import type { Message } from '@livechat/protocol';

/** `Author: text` per public message, in order; operator-only messages are left out. */
export function transcript(messages: readonly Message[]): string {
  return messages
    .filter((message) => message.visibility === 'public')
    .map((message) => `${message.author.name}: ${message.body.replace(/\s*\n\s*/g, ' ').trim()}`)
    .join('\n');
}
