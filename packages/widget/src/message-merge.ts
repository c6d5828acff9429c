// Keeps a conversation's messages unique and in order, however often and in whatever order they arrive.

import type { Message } from '@livechat/protocol';

/**
 * Merges newly received messages of one conversation into a list ordered by seq (each conversation
 * counts seq from 1, so callers keep one list per conversation). A message can arrive twice (as the
 * ack of our send and again in a sync), so seq decides identity. Returns the same array when
 * nothing is new, so callers can skip work (and a re-render) for pure duplicates.
 */
export function mergeMessages(current: readonly Message[], incoming: readonly Message[]): readonly Message[] {
  const bySeq = new Map<number, Message>();
  for (const message of current) bySeq.set(message.seq, message);
  let added = false;
  for (const message of incoming) {
    if (bySeq.has(message.seq)) continue;
    bySeq.set(message.seq, message);
    added = true;
  }
  if (!added) return current;
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
