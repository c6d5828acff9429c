// A search hit as both stores read it: its row and the SearchHit it stands for.

import type { Visibility } from '@livechat/protocol';
import type { SearchHit } from '../../search/repository.ts';

export interface HitRow {
  position: number;
  conversation_id: string;
  seq: number | null;
  message_id: string | null;
  body: string | null;
  visibility: Visibility | null;
  created_at: string | null;
}

export const hit = (row: HitRow): SearchHit => ({
  position: row.position,
  conversationId: row.conversation_id,
  message:
    row.seq !== null && row.message_id !== null && row.body !== null && row.visibility !== null && row.created_at
      ? { id: row.message_id, seq: row.seq, body: row.body, visibility: row.visibility, createdAt: row.created_at }
      : null,
  gone: row.seq !== null && row.message_id === null,
});
