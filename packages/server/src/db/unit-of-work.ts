// What a command creates and the result that announces it, stored in one transaction: both or
// neither, and one commit (one fsync with synchronous=FULL) instead of two.

import type { CommandResult, Lead, Ticket } from '@livechat/protocol';
import type { SqliteCommandResultRepository } from '../commands/repository.ts';
import type { NewLead, SqliteCrmRepository } from '../crm/repository.ts';
import type { NewTicket, SqliteHelpdeskRepository } from '../helpdesk/repository.ts';
import type { Db } from './sqlite/connection.ts';

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

export interface SqliteCommandWritesParts {
  helpdesk: SqliteHelpdeskRepository;
  crm: SqliteCrmRepository;
  commandResults: SqliteCommandResultRepository;
}

/**
 * The SQL stays in each repository; this only puts their inserts in one transaction. It runs
 * synchronously from BEGIN to COMMIT: nothing else on the event loop can write into it, or be told
 * its own write was committed while this one could still roll back.
 */
export class SqliteCommandWrites implements CommandWrites {
  private readonly ticketTx;
  private readonly leadTx;

  constructor(db: Db, { helpdesk, crm, commandResults }: SqliteCommandWritesParts) {
    this.ticketTx = db.transaction((input: NewTicket, announce: (ticket: Ticket) => CommandResult) => {
      const result = announce(helpdesk.insertTicket(input));
      commandResults.insert(result);
      return result;
    });
    this.leadTx = db.transaction((input: NewLead, announce: (lead: Lead) => CommandResult) => {
      const result = announce(crm.insertLead(input));
      commandResults.insert(result);
      return result;
    });
  }

  async ticketWithResult(input: NewTicket, announce: (ticket: Ticket) => CommandResult): Promise<CommandResult> {
    return this.ticketTx.immediate(input, announce);
  }

  async leadWithResult(input: NewLead, announce: (lead: Lead) => CommandResult): Promise<CommandResult> {
    return this.leadTx.immediate(input, announce);
  }
}
