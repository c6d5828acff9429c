// What a command creates and the result that announces it, stored in one transaction: both or
// neither, and one commit (one fsync with synchronous=FULL) instead of two.

import type { CommandResult, Lead, Ticket } from '@livechat/protocol';
import type { CommandWrites } from '../../commands/repository.ts';
import type { NewLead } from '../../crm/repository.ts';
import type { NewTicket } from '../../helpdesk/repository.ts';
import type { SqliteCommandResultRepository } from './command-results.ts';
import type { Db } from './connection.ts';
import type { SqliteCrmRepository } from './crm.ts';
import type { SqliteHelpdeskRepository } from './helpdesk.ts';

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
