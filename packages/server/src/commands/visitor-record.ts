// What /ticket and /lead both keep of a conversation: who the visitor is and what they saw.

import type { Conversation } from '../conversations/repository.ts';
import { transcript } from '../conversations/transcript.ts';
import type { Store } from '../db/store.ts';

/** Public messages in a transcript: long enough for any real conversation; a transcript is a record, not a page. */
export const TRANSCRIPT_LIMIT = 10_000;

export interface VisitorRecord {
  name: string | null;
  email: string | null;
  /** The public messages, `Author: text` per line. */
  transcript: string;
}

export async function visitorRecord(store: Store, conversation: Conversation): Promise<VisitorRecord> {
  const [visitor, lines] = await Promise.all([
    store.visitors.byId(conversation.visitorId),
    store.messages.transcriptLines(conversation.id, TRANSCRIPT_LIMIT),
  ]);
  return { name: visitor?.name ?? null, email: visitor?.email ?? null, transcript: transcript(lines) };
}
