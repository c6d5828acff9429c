import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n.ts';
import { message, visitor } from '../test-messages.ts';
import {
  type ChatEvent,
  type ChatState,
  initialChatState,
  parseReadMarker,
  reduceChat,
  typingText,
} from './chat-state.ts';

const apply = (events: ChatEvent[], from: ChatState = initialChatState) => events.reduce(reduceChat, from);
const inConversation = (readSeq = 0) => apply([{ type: 'conversation', conversationId: 'conv-1', readSeq }]);

describe('chat state', () => {
  it('counts operator replies that arrive while the panel is closed, and clears them on open', () => {
    const closed = apply(
      [{ type: 'messages', messages: [message(1, { author: visitor }), message(2), message(3)] }],
      inConversation(),
    );
    expect(closed.unread).toBe(2);
    const opened = reduceChat(closed, { type: 'open' });
    expect(opened.unread).toBe(0);
    expect(opened.readSeq).toBe(3);
  });

  it('does not count a reply twice when it arrives again in a sync', () => {
    const state = apply(
      [
        { type: 'messages', messages: [message(1)] },
        { type: 'messages', messages: [message(1)] },
      ],
      inConversation(),
    );
    expect(state.unread).toBe(1);
  });

  it('does not count what was already read before a reload', () => {
    const state = apply([{ type: 'messages', messages: [message(1), message(2), message(3)] }], inConversation(2));
    expect(state.unread).toBe(1);
  });

  it('keeps unread at 0 while open, and counts again after closing', () => {
    const state = apply(
      [
        { type: 'open' },
        { type: 'messages', messages: [message(1)] },
        { type: 'close' },
        { type: 'messages', messages: [message(2)] },
      ],
      inConversation(),
    );
    expect(state.unread).toBe(1);
  });

  it('shows who is typing until they send', () => {
    const alice = message(1).author;
    const typing = apply([
      { type: 'typing', author: alice, active: true },
      { type: 'typing', author: alice, active: true },
    ]);
    expect(typingText(typing.typing, LOCALES.en)).toBe('Alice is typing…');
    expect(typingText(typing.typing, LOCALES.fr)).toBe('Alice écrit…');
    expect(apply([{ type: 'messages', messages: [message(1)] }], typing).typing).toEqual([]);
    const bob = { kind: 'operator' as const, id: 'op-bob', name: 'Bob' };
    const both = apply([{ type: 'typing', author: bob, active: true }], typing).typing;
    expect(typingText(both, LOCALES.en)).toBe('Alice and Bob are typing…');
    expect(typingText(both, LOCALES.fr)).toBe('Alice et Bob écrivent…');
  });

  it('starts empty for a new conversation', () => {
    const state = apply(
      [
        { type: 'messages', messages: [message(1)] },
        { type: 'conversation', conversationId: 'conv-2', readSeq: 0 },
      ],
      inConversation(),
    );
    expect(state.messages).toEqual([]);
    expect(state.unread).toBe(0);
  });

  it('reads a stored read marker only for its own conversation', () => {
    expect(parseReadMarker('conv-1 7', 'conv-1')).toBe(7);
    expect(parseReadMarker('conv-1 7', 'conv-2')).toBe(0);
    expect(parseReadMarker('garbage', 'conv-1')).toBe(0);
    expect(parseReadMarker(null, 'conv-1')).toBe(0);
  });
});
