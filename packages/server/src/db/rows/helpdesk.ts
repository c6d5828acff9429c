// Helpdesk teams and tickets as both stores read them: their rows and the HelpdeskTeam and Ticket they stand for.

import type { HelpdeskTeam, Ticket } from '@livechat/protocol';
import type { NewTicket } from '../../helpdesk/repository.ts';
import { flag } from './values.ts';

export interface TeamRow {
  id: string;
  name: string;
  sequence: number;
  livechat_enabled: number | boolean;
}

export interface TicketRow {
  number: number;
  title: string;
  description: string;
  customer_name: string | null;
  customer_email: string | null;
  team_id: string;
  team_name: string;
  status: Ticket['status'];
  conversation_id: string | null;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export const team = (row: TeamRow): HelpdeskTeam => ({
  id: row.id,
  name: row.name,
  sequence: row.sequence,
  livechatEnabled: flag(row.livechat_enabled),
});

export const ticket = (row: TicketRow): Ticket => ({
  number: row.number,
  title: row.title,
  description: row.description,
  customerName: row.customer_name,
  customerEmail: row.customer_email,
  teamId: row.team_id,
  teamName: row.team_name,
  status: row.status,
  conversationId: row.conversation_id,
  createdBy: row.created_by,
  createdByName: row.created_by_name,
  createdAt: row.created_at,
});

/** A new ticket's values in the order both stores insert them; the number is the database's. */
export const ticketValues = (input: NewTicket, time: string): unknown[] => [
  input.title,
  input.description,
  input.customerName,
  input.customerEmail,
  input.teamId,
  input.conversationId,
  input.createdBy,
  time,
];
