// CRM leads created from conversations.

import type { Lead } from '@livechat/protocol';
import type { Reader } from '../conversations/repository.ts';

export interface NewLead {
  title: string;
  internalNotes: string;
  contactName: string | null;
  contactEmail: string | null;
  conversationId: string | null;
  createdBy: string;
}

export interface CrmRepository {
  createLead(input: NewLead): Promise<Lead>;
  /** The lead, if `reader` may read it (README, "Who may read what"); null as for no lead. */
  lead(id: string, reader: Reader): Promise<Lead | null>;
  /** Newest first, among the leads `reader` may read. */
  leads(offset: number, limit: number, reader: Reader): Promise<{ leads: Lead[]; total: number }>;
}
