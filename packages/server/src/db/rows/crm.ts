// A lead as both stores read it: its row and the Lead it stands for.

import type { Lead } from '@livechat/protocol';
import type { NewLead } from '../../crm/repository.ts';

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

/** A new lead's values in the order both stores insert them (id, title, notes, contact, conversation, creator, time). */
export const leadValues = (id: string, input: NewLead, time: string): unknown[] => [
  id,
  input.title,
  input.internalNotes,
  input.contactName,
  input.contactEmail,
  input.conversationId,
  input.createdBy,
  time,
];
