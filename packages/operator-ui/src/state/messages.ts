// Merging messages that arrive by ack, live event and sync into one ordered, duplicate-free list.

import type { Message } from '@livechat/protocol';

/**
 * Returns the messages of both lists ordered by seq, one per seq. Returns `existing` itself when
 * nothing new arrived, so signals holding the list do not notify for a duplicate.
 */
export function mergeMessages(existing: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  if (incoming.length === 0) return existing;
  // The common case, a live message after the newest held: no map, no sort, even for a long conversation.
  if (inOrderAfter(incoming, lastSeq(existing))) return [...existing, ...incoming];
  const bySeq = new Map<number, Message>();
  for (const message of existing) bySeq.set(message.seq, message);
  let changed = false;
  for (const message of incoming) {
    const known = bySeq.get(message.seq);
    if (known !== undefined && known.id === message.id) continue;
    bySeq.set(message.seq, message);
    changed = true;
  }
  if (!changed) return existing;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

function inOrderAfter(incoming: readonly Message[], after: number): boolean {
  let previous = after;
  for (const message of incoming) {
    if (message.seq <= previous) return false;
    previous = message.seq;
  }
  return true;
}

/** The seq of the newest message held, or 0. */
export function lastSeq(messages: readonly Message[]): number {
  return messages.at(-1)?.seq ?? 0;
}

/**
 * The highest seq up to which every message is held (1, 2, … n without a hole). Syncing from
 * here rather than from the newest seq fills any gap a live event may have jumped over.
 */
export function contiguousSeq(messages: readonly Message[]): number {
  let expected = 1;
  for (const message of messages) {
    if (message.seq < expected) continue;
    if (message.seq !== expected) break;
    expected += 1;
  }
  return expected - 1;
}
