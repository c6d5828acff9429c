// A lead as both stores read it: its row and the Lead it stands for.

import type { Lead } from '@livechat/protocol';

export interface LeadRow {
  id: string;
  title: string;
  internal_notes: string;
  contact_name: string | null;
  contact_email: string | null;
  conversation_id: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export const lead = (row: LeadRow): Lead => ({
  id: row.id,
  title: row.title,
  internalNotes: row.internal_notes,
  source: 'Livechat',
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  conversationId: row.conversation_id,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
});
