// Interleaves stored messages, local operator-only notices and unsent messages into what the view shows.

import type { Message, Visibility } from '@livechat/protocol';

/** A message this client sent that the server has not acknowledged yet. */
export interface PendingSend {
  /** Id of the `message.send` frame; the ack and any error echo it. */
  frameId: string;
  conversationId: string;
  /** Idempotency key, kept when the send is retried so the server stores it once. */
  clientId: string;
  body: string;
  visibility: Visibility;
  status: 'sending' | 'failed';
  error: string | null;
  createdAt: string;
}

/** A line only this operator sees, made by the client (e.g. the server refusing a command). */
export interface Notice {
  id: string;
  conversationId: string;
  /** The newest seq when the notice appeared: it shows after that message. */
  afterSeq: number;
  text: string;
  /** What the operator typed, when the notice answers a command. */
  detail: string | null;
  createdAt: string;
}

export type TimelineItem =
  | { kind: 'message'; key: string; message: Message }
  | { kind: 'notice'; key: string; notice: Notice }
  | { kind: 'pending'; key: string; pending: PendingSend };

export function buildTimeline(
  messages: readonly Message[],
  notices: readonly Notice[],
  pending: readonly PendingSend[],
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const waiting = [...notices].sort((a, b) => a.afterSeq - b.afterSeq);
  let next = 0;
  for (const message of messages) {
    for (let notice = waiting[next]; notice && notice.afterSeq < message.seq; notice = waiting[++next]) {
      items.push({ kind: 'notice', key: `n:${notice.id}`, notice });
    }
    items.push({ kind: 'message', key: `m:${message.id}`, message });
  }
  for (const notice of waiting.slice(next)) items.push({ kind: 'notice', key: `n:${notice.id}`, notice });
  // A send whose message is already here (ack lost, message arrived by sync) must not show twice.
  const stored = new Set(messages.map((message) => message.clientId).filter((id) => id !== null));
  for (const send of pending) {
    if (!stored.has(send.clientId)) items.push({ kind: 'pending', key: `p:${send.clientId}`, pending: send });
  }
  return items;
}
