// Command results, kept for the operator who ran them, and a command's new record stored with its result.

import type { CommandResult, Lead, Ticket } from '@livechat/protocol';
import type { NewLead } from '../crm/repository.ts';
import type { NewTicket } from '../helpdesk/repository.ts';

export interface CommandResultRepository {
  save(result: CommandResult): Promise<void>;
  /** The operator's results in a conversation, oldest first. */
  list(conversationId: string, operatorId: string): Promise<CommandResult[]>;
}

/**
 * A record's number or id exists only once it is inserted, so the caller passes `announce`, which
 * builds the command's result from the stored record. It runs inside the transaction: it must be
 * quick and wait on nothing. A store over an asynchronous driver does the same on one pooled
 * client: BEGIN, insert the record, announce, insert the result, COMMIT.
 */
export interface CommandWrites {
  ticketWithResult(input: NewTicket, announce: (ticket: Ticket) => CommandResult): Promise<CommandResult>;
  leadWithResult(input: NewLead, announce: (lead: Lead) => CommandResult): Promise<CommandResult>;
}
