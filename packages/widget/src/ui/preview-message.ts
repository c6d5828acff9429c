// What the preview beside the closed launcher shows: the last unread operator message, shortened.

import type { Message } from '@livechat/protocol';
import type { ChatState } from './chat-state.ts';

/** A preview says enough to be worth opening the chat for, not the whole message. */
export const PREVIEW_LENGTH = 90;

export const shorten = (text: string, max = PREVIEW_LENGTH): string => {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = [...flat];
  return chars.length <= max
    ? flat
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
};

/** The operator message to preview beside the closed launcher: the last unread one, unless the visitor closed it. */
export function previewMessage(state: ChatState): Message | null {
  if (state.open || state.unread === 0) return null;
  const last = state.messages.filter((message) => message.author.kind === 'operator').at(-1);
  return last && last.seq > state.readSeq && last.seq > state.previewDismissed ? last : null;
}
