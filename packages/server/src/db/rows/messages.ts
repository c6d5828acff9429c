// A message as both stores read it: its row, the columns selected for it and the Message it stands for.

import type { Author, Message, SystemEvent, Visibility } from '@livechat/protocol';

export interface MessageRow {
  conversation_id: string;
  seq: number;
  id: string;
  author_kind: Author['kind'];
  author_id: string | null;
  author_name: string;
  body: string;
  visibility: Visibility;
  client_id: string | null;
  created_at: string;
  system_event: SystemEvent | null;
}

export const COLUMNS =
  'conversation_id, seq, id, author_kind, author_id, author_name, body, visibility, client_id, created_at, system_event';

export const message = (row: MessageRow): Message => ({
  id: row.id,
  conversationId: row.conversation_id,
  seq: row.seq,
  clientId: row.client_id,
  author: { kind: row.author_kind, id: row.author_id, name: row.author_name },
  body: row.body,
  visibility: row.visibility,
  // Only system lines carry it, so that other messages keep their shape on the wire.
  ...(row.system_event ? { system: { event: row.system_event, name: row.author_name } } : {}),
  createdAt: row.created_at,
});
