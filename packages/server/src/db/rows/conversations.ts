// A conversation as both stores read it: its row and the Conversation it stands for.

import type { ConversationStatus } from '@livechat/protocol';
import type { Conversation } from '../../conversations/repository.ts';
import { idList } from './values.ts';

export interface ConversationRow {
  id: string;
  site_id: string;
  visitor_id: string;
  status: ConversationStatus;
  assigned_operator_id: string | null;
  last_seq: number;
  created_at: string;
  /** The later of the row's own last change and its newest message. */
  activity_at: string;
  member_ids: string | null | string[];
  left_ids: string | null | string[];
  closed_at: string | null;
  queued_at: string | null;
  previous_conversation_id: string | null;
}

export const conversation = (row: ConversationRow): Conversation => ({
  id: row.id,
  siteId: row.site_id,
  visitorId: row.visitor_id,
  status: row.status,
  assignedOperatorId: row.assigned_operator_id,
  lastSeq: row.last_seq,
  // Sorted here, not by the database's collation, so that both stores give the same order.
  memberIds: idList(row.member_ids).sort(),
  leftIds: idList(row.left_ids).sort(),
  createdAt: row.created_at,
  updatedAt: row.activity_at,
  closedAt: row.closed_at,
  queuedAt: row.queued_at,
  previousConversationId: row.previous_conversation_id,
});
