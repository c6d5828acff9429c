import { describe, expect, it } from 'vitest';
import { message, system, visitor } from '../test-messages.ts';
import { previewMessage } from './preview-message.ts';
import { en, fr } from '../test-strings.ts';
import {
  type ChatEvent,
  type ChatState,
  initialChatState,
  parseReadMarker,
  reduceChat,
  shownMessages,
  typingText,
} from './chat-state.ts';

const apply = (events: ChatEvent[], from: ChatState = initialChatState) => events.reduce(reduceChat, from);
const inConversation = (readSeq = 0) => apply([{ type: 'conversation', conversationId: 'conv-1', readSeq }]);

describe('chat state', () => {
  it('offers the conversation that ended for a rating, and moves on once the visitor starts a new one', () => {
    const ended = apply(
      [
        { type: 'messages', messages: [message(1, { author: visitor }), message(2)] },
        { type: 'conversation', conversationId: null, readSeq: 0 },
        { type: 'ended', conversationId: 'conv-1' },
      ],
      inConversation(),
    );
    expect(ended.rateable).toBe('conv-1');
    expect(reduceChat(ended, { type: 'conversation', conversationId: 'conv-2', readSeq: 0 }).rateable).toBeNull();
  });

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
    expect(typingText(typing.typing, en)).toBe('Alice is typing…');
    expect(typingText(typing.typing, fr)).toBe('Alice écrit…');
    expect(apply([{ type: 'messages', messages: [message(1)] }], typing).typing).toEqual([]);
    const bob = { kind: 'operator' as const, id: 'op-bob', name: 'Bob' };
    const both = apply([{ type: 'typing', author: bob, active: true }], typing).typing;
    expect(typingText(both, en)).toBe('Alice and Bob are typing…');
    expect(typingText(both, fr)).toBe('Alice et Bob écrivent…');
  });

  it('starts a new conversation empty and unread-free, keeping the previous one on screen above it', () => {
    const state = apply(
      [
        { type: 'messages', messages: [message(1)] },
        { type: 'conversation', conversationId: 'conv-2', readSeq: 0 },
      ],
      inConversation(),
    );
    expect(state.messages).toEqual([]);
    expect(state.ended).toEqual([{ conversationId: 'conv-1', messages: [message(1)] }]);
    expect(state.unread).toBe(0);
  });

  it('keeps an ended conversation with its late system line, and counts the next one’s seq from 1 again', () => {
    const resolved = message(3, { author: system, body: 'Alice resolved the conversation' });
    const next = (seq: number, overrides = {}) => message(seq, { conversationId: 'conv-2', ...overrides });
    const state = apply(
      [
        { type: 'open' },
        { type: 'messages', messages: [message(1, { author: visitor }), message(2)] },
        // conversation.closed: none is open until the visitor writes again.
        { type: 'conversation', conversationId: null, readSeq: 0 },
        // The system line may come after the close.
        { type: 'messages', messages: [resolved] },
        { type: 'close' },
        { type: 'conversation', conversationId: 'conv-2', readSeq: 0 },
        {
          type: 'messages',
          messages: [next(1, { author: visitor, body: 'Me again' }), next(2, { body: 'Hello again' })],
        },
      ],
      inConversation(),
    );
    expect(state.ended).toHaveLength(1);
    expect(state.ended[0]?.messages.map((m) => m.seq)).toEqual([1, 2, 3]);
    // Seq 1 and 2 of the new conversation are new messages, not copies of the old conversation's.
    expect(state.messages.map((m) => m.body)).toEqual(['Me again', 'Hello again']);
    expect(shownMessages(state).map((m) => `${m.conversationId}/${m.seq}`)).toEqual([
      'conv-1/1',
      'conv-1/2',
      'conv-1/3',
      'conv-2/1',
      'conv-2/2',
    ]);
    expect(state.unread).toBe(1);
  });

  it('ignores a repeated late line of an ended conversation', () => {
    const ended = apply(
      [
        { type: 'messages', messages: [message(1)] },
        { type: 'conversation', conversationId: null, readSeq: 0 },
      ],
      inConversation(),
    );
    expect(reduceChat(ended, { type: 'messages', messages: [message(1)] })).toBe(ended);
  });

  it('reads a stored read marker only for its own conversation', () => {
    expect(parseReadMarker('conv-1 7', 'conv-1')).toBe(7);
    expect(parseReadMarker('conv-1 7', 'conv-2')).toBe(0);
    expect(parseReadMarker('garbage', 'conv-1')).toBe(0);
    expect(parseReadMarker(null, 'conv-1')).toBe(0);
  });
});

describe('seen marks, the preview and what the visitor told', () => {
  const operatorLine = (seq: number) => message(seq, { author: { kind: 'operator', id: 'op_1', name: 'Alice' } });
  const inConversation = (open: boolean): ChatState =>
    [
      { type: 'conversation', conversationId: 'conv-1', readSeq: 0 },
      ...(open ? [{ type: 'open' } as const] : []),
      { type: 'messages', messages: [message(1, { author: visitor }), operatorLine(2)] },
    ].reduce((state, event) => reduceChat(state, event as ChatEvent), initialChatState);

  it('moves the seen marker only forward, and starts it again in a new conversation', () => {
    let state = reduceChat(inConversation(true), { type: 'seen', seq: 2 });
    expect(reduceChat(state, { type: 'seen', seq: 1 }).seenSeq).toBe(2);
    state = reduceChat(state, { type: 'conversation', conversationId: 'conv-2', readSeq: 0 });
    expect(state.seenSeq).toBe(0);
  });

  it('previews the last unread operator message while closed, until the visitor closes the preview', () => {
    const closed = inConversation(false);
    expect(previewMessage(closed)?.seq).toBe(2);
    expect(previewMessage(reduceChat(closed, { type: 'open' }))).toBeNull();
    const dismissed = reduceChat(closed, { type: 'dismiss-preview' });
    expect(previewMessage(dismissed)).toBeNull();
    expect(previewMessage(reduceChat(dismissed, { type: 'messages', messages: [operatorLine(3)] }))?.seq).toBe(3);
  });

  it('keeps a known email when a later welcome says nothing of it', () => {
    let state = reduceChat(initialChatState, { type: 'visitor', email: 'ada@example.com' });
    state = reduceChat(state, { type: 'visitor', name: 'Ada', email: null });
    expect(state.known).toEqual({ name: 'Ada', email: 'ada@example.com' });
  });
});
