// Interleaves stored messages, local operator-only notices and unsent messages into what the view shows.

import type { Attachment, CommandResult, Message, Visibility } from '@livechat/protocol';

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
  /** Operators inserted with `@`, resent with the message so a retry still notifies them. */
  mentionIds?: string[];
  /** Canned responses inserted, so their use is recorded once the message is stored. */
  cannedIds?: string[];
  /** Uploads going with the message; resent by id on a retry. */
  attachments?: Attachment[];
}

/** A command sent to the server whose answer has not come yet. */
export interface RunningCommand {
  frameId: string;
  conversationId: string;
  input: string;
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
  | { kind: 'command'; key: string; result: CommandResult }
  | { kind: 'running'; key: string; command: RunningCommand }
  | { kind: 'pending'; key: string; pending: PendingSend };

/**
 * Stored messages in seq order, with each notice after the message that was newest when it
 * appeared and each command result among the messages by time; unanswered commands and unsent
 * messages last.
 */
export function buildTimeline(
  messages: readonly Message[],
  notices: readonly Notice[],
  pending: readonly PendingSend[],
  results: readonly CommandResult[] = [],
  running: readonly RunningCommand[] = [],
): TimelineItem[] {
  const items: TimelineItem[] = [];
  const waiting = [...notices].sort((a, b) => a.afterSeq - b.afterSeq);
  const answers = [...results].sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt));
  let nextNotice = 0;
  let nextResult = 0;
  for (const message of messages) {
    for (let notice = waiting[nextNotice]; notice && notice.afterSeq < message.seq; notice = waiting[++nextNotice]) {
      items.push({ kind: 'notice', key: `n:${notice.id}`, notice });
    }
    // Dates are read only while answers wait to be placed: a long conversation has thousands of messages.
    if (nextResult < answers.length) {
      const at = Date.parse(message.createdAt);
      for (
        let result = answers[nextResult];
        result && Date.parse(result.createdAt) < at;
        result = answers[++nextResult]
      ) {
        items.push({ kind: 'command', key: `r:${result.id}`, result });
      }
    }
    items.push({ kind: 'message', key: `m:${message.id}`, message });
  }
  // After the last message, notices and answers by time: `/leave`'s answer comes before "left your list".
  const tail: TimelineItem[] = [
    ...waiting.slice(nextNotice).map((notice): TimelineItem => ({ kind: 'notice', key: `n:${notice.id}`, notice })),
    ...answers.slice(nextResult).map((result): TimelineItem => ({ kind: 'command', key: `r:${result.id}`, result })),
  ];
  items.push(...tail.sort((a, b) => Date.parse(createdAtOf(a)) - Date.parse(createdAtOf(b))));
  for (const command of running) items.push({ kind: 'running', key: `c:${command.frameId}`, command });
  // A send whose message is already here (ack lost, message arrived by sync) must not show twice.
  if (pending.length === 0) return items;
  const stored = new Set(messages.map((message) => message.clientId).filter((id) => id !== null));
  for (const send of pending) {
    if (!stored.has(send.clientId)) items.push({ kind: 'pending', key: `p:${send.clientId}`, pending: send });
  }
  return items;
}

function createdAtOf(item: TimelineItem): string {
  switch (item.kind) {
    case 'notice':
      return item.notice.createdAt;
    case 'command':
      return item.result.createdAt;
    case 'message':
      return item.message.createdAt;
    case 'running':
      return item.command.createdAt;
    case 'pending':
      return item.pending.createdAt;
  }
}
