// The chat panel's state and the pure function that applies each event to it.

import type { Author, Message } from '@livechat/protocol';
import { mergeMessages } from '../message-merge.ts';
import type { OutboxItem } from '../outbox.ts';
import { format, type Strings } from '../i18n.ts';
import type { ConnectionStatus } from '../transport.ts';

/** One conversation's messages, in seq order. */
export interface Transcript {
  conversationId: string;
  messages: readonly Message[];
}

export interface ChatState {
  open: boolean;
  status: ConnectionStatus;
  /** The visitor's open conversation; null before their first message and after one ends. */
  conversationId: string | null;
  /** The open conversation's messages. */
  messages: readonly Message[];
  /** Conversations that ended while this page showed them, oldest first: they stay on screen above the current one. */
  ended: readonly Transcript[];
  /** Sent by the visitor, not acknowledged yet. */
  outbox: readonly OutboxItem[];
  /** Operators typing right now. */
  typing: readonly Author[];
  /** The highest seq the visitor has seen with the panel open. */
  readSeq: number;
  /** Operator messages after readSeq; always 0 while the panel is open. */
  unread: number;
  /** Text the page put in the composer (openWithMessage); `n` changes each time, so the same text can be set twice. */
  prefill: { text: string; n: number } | null;
  /** The conversation that just ended, for the visitor to rate; null once they write again. */
  rateable: string | null;
  /** The highest seq of the open conversation an operator has read: the visitor's messages up to it are seen. */
  seenSeq: number;
  /** What the visitor told already (pre-chat form, email ask, identify), so nothing asks again. */
  known: { name: string | null; email: string | null };
  /** A note at the top of the panel (an expired email link). */
  note: string | null;
  /** When the messages the server asked to hold go again (ms since the epoch); 0 when it has not asked. */
  limitedUntil: number;
  /** The unread message whose preview the visitor closed (its seq): the preview shows again only for a newer one. */
  previewDismissed: number;
}

export type ChatEvent =
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'status'; status: ConnectionStatus }
  | { type: 'conversation'; conversationId: string | null; readSeq: number }
  | { type: 'messages'; messages: readonly Message[] }
  | { type: 'prefill'; text: string }
  | { type: 'outbox'; items: readonly OutboxItem[] }
  | { type: 'typing'; author: Author; active: boolean }
  | { type: 'ended'; conversationId: string }
  | { type: 'seen'; seq: number }
  | { type: 'visitor'; name?: string | null; email?: string | null }
  | { type: 'note'; text: string | null }
  | { type: 'limited'; retryAfterMs: number }
  | { type: 'dismiss-preview' };

export const initialChatState: ChatState = {
  open: false,
  status: 'connecting',
  conversationId: null,
  messages: [],
  ended: [],
  outbox: [],
  typing: [],
  readSeq: 0,
  unread: 0,
  prefill: null,
  rateable: null,
  seenSeq: 0,
  known: { name: null, email: null },
  note: null,
  previewDismissed: 0,
  limitedUntil: 0,
};

export function reduceChat(state: ChatState, event: ChatEvent): ChatState {
  switch (event.type) {
    case 'open':
      return settleUnread({ ...state, open: true });
    case 'close':
      return settleUnread({ ...state, open: false });
    case 'status':
      return event.status === state.status ? state : { ...state, status: event.status };
    case 'conversation':
      if (event.conversationId === state.conversationId) return state;
      return settleUnread({
        ...state,
        conversationId: event.conversationId,
        messages: [],
        ended: endCurrent(state),
        typing: [],
        readSeq: event.readSeq,
        seenSeq: 0,
        previewDismissed: 0,
        // A new conversation moves on from rating the last one.
        rateable: event.conversationId ? null : state.rateable,
      });
    case 'messages': {
      const ended = state.ended.map((transcript) => mergeInto(transcript, event.messages));
      const endedIds = new Set(state.ended.map((transcript) => transcript.conversationId));
      const current = event.messages.filter((message) => !endedIds.has(message.conversationId));
      const messages = mergeMessages(state.messages, current);
      if (messages === state.messages && ended.every((transcript, i) => transcript === state.ended[i])) return state;
      // Whoever just sent a message has stopped typing it.
      const senders = new Set(event.messages.map((message) => message.author.id));
      const typing = state.typing.filter((author) => !senders.has(author.id));
      return settleUnread({ ...state, messages, ended, typing });
    }
    case 'outbox':
      return { ...state, outbox: event.items };
    case 'prefill':
      return { ...state, prefill: { text: event.text, n: (state.prefill?.n ?? 0) + 1 } };
    case 'ended':
      return { ...state, rateable: event.conversationId };
    case 'seen':
      return event.seq > state.seenSeq ? { ...state, seenSeq: event.seq } : state;
    case 'visitor':
      // Only what is said replaces what was known: an email saved here is not forgotten by a welcome without it.
      return {
        ...state,
        known: { name: event.name || state.known.name, email: event.email || state.known.email },
      };
    case 'note':
      return { ...state, note: event.text };
    case 'limited':
      return { ...state, limitedUntil: event.retryAfterMs && Date.now() + event.retryAfterMs };
    case 'dismiss-preview':
      return { ...state, previewDismissed: state.messages.at(-1)?.seq ?? 0 };
    case 'typing': {
      const others = state.typing.filter((author) => author.id !== event.author.id);
      return { ...state, typing: event.active ? [...others, event.author] : others };
    }
  }
}

/** The transcripts on screen once the current conversation is over (it stays visible, above the next one). */
function endCurrent(state: ChatState): readonly Transcript[] {
  if (!state.conversationId || state.messages.length === 0) return state.ended;
  return [...state.ended, { conversationId: state.conversationId, messages: state.messages }];
}

/** Late lines of an ended conversation (its system line may come after the close) join its transcript. */
function mergeInto(transcript: Transcript, incoming: readonly Message[]): Transcript {
  const mine = incoming.filter((message) => message.conversationId === transcript.conversationId);
  const messages = mergeMessages(transcript.messages, mine);
  return messages === transcript.messages ? transcript : { ...transcript, messages };
}

/** Every message on screen, ended conversations first. */
export const shownMessages = (state: ChatState): Message[] => [
  ...state.ended.flatMap((transcript) => transcript.messages),
  ...state.messages,
];

/** An open panel has been read up to its last message; a closed one counts what came after. */
function settleUnread(state: ChatState): ChatState {
  const lastSeq = state.messages.at(-1)?.seq ?? 0;
  const readSeq = state.open ? Math.max(state.readSeq, lastSeq) : state.readSeq;
  const unread = state.open
    ? 0
    : state.messages.filter((message) => message.author.kind === 'operator' && message.seq > readSeq).length;
  return { ...state, readSeq, unread };
}

/** The read marker is stored with its conversation, so a new conversation starts unread-free at 0. */
export function formatReadMarker(conversationId: string, readSeq: number): string {
  return `${conversationId} ${readSeq}`;
}

export function parseReadMarker(raw: string | null, conversationId: string | null): number {
  if (!raw || !conversationId) return 0;
  const [id, seq] = raw.split(' ');
  const value = Number(seq);
  return id === conversationId && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/** "Alice is typing…", "Alice and Bob are typing…" (in the visitor's language), or null when nobody is. */
export function typingText(typing: readonly Author[], strings: Strings): string | null {
  const names = typing.map((author) => author.name || strings.someone);
  if (names.length === 0) return null;
  if (names.length === 1) return format(strings.typingOne, { name: names[0] ?? '' });
  return format(strings.typingMany, { names: `${names.slice(0, -1).join(', ')} ${strings.and} ${names.at(-1)}` });
}
