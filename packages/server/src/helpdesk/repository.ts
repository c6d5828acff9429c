// Helpdesk teams and tickets, with search by number or words.

import type { HelpdeskTeam, Ticket } from '@livechat/protocol';
import type { Reader } from '../conversations/repository.ts';

export interface NewTicket {
  title: string;
  description: string;
  customerName: string | null;
  customerEmail: string | null;
  teamId: string;
  conversationId: string | null;
  createdBy: string;
}

export interface TicketPage {
  tickets: Ticket[];
  total: number;
  /** The count stopped at its cap: there are at least `total`. */
  totalCapped?: boolean;
}

export interface HelpdeskRepository {
  teams(): Promise<HelpdeskTeam[]>;
  team(id: string): Promise<HelpdeskTeam | null>;
  createTeam(input: Omit<HelpdeskTeam, 'id'>): Promise<HelpdeskTeam>;
  updateTeam(id: string, changes: Partial<Omit<HelpdeskTeam, 'id'>>): Promise<HelpdeskTeam | null>;
  deleteTeam(id: string): Promise<boolean>;
  countTickets(teamId: string): Promise<number>;
  /** The team live chat tickets go to: live chat enabled, lowest sequence. */
  livechatTeam(): Promise<HelpdeskTeam | null>;
  createTicket(input: NewTicket): Promise<Ticket>;
  /** The ticket, if `reader` may read it (README, "Who may read what"); null as for no ticket. */
  ticket(number: number, reader: Reader): Promise<Ticket | null>;
  /** Newest first; by number and/or words, among the tickets `reader` may read. An empty query lists them all. */
  searchTickets(query: string, offset: number, limit: number, reader: Reader): Promise<TicketPage>;
}
