// What a command creates and the result that announces it, stored in one transaction: both or neither.

import type { CommandResult, Lead, Ticket } from '@livechat/protocol';
import type { CommandResultRepository, CommandWrites } from '../../commands/repository.ts';
import type { CrmRepository, NewLead } from '../../crm/repository.ts';
import type { HelpdeskRepository, NewTicket } from '../../helpdesk/repository.ts';
import type { PgDb } from './connection.ts';

export interface PostgresCommandWritesParts {
  helpdesk: HelpdeskRepository;
  crm: CrmRepository;
  commandResults: CommandResultRepository;
}

/** The SQL stays in each repository: their queries join the transaction this opens (see connection.ts). */
export class PostgresCommandWrites implements CommandWrites {
  constructor(
    private readonly db: PgDb,
    private readonly parts: PostgresCommandWritesParts,
  ) {}

  ticketWithResult(input: NewTicket, announce: (ticket: Ticket) => CommandResult): Promise<CommandResult> {
    return this.db.transaction(async () => {
      const result = announce(await this.parts.helpdesk.createTicket(input));
      await this.parts.commandResults.save(result);
      return result;
    });
  }

  leadWithResult(input: NewLead, announce: (lead: Lead) => CommandResult): Promise<CommandResult> {
    return this.db.transaction(async () => {
      const result = announce(await this.parts.crm.createLead(input));
      await this.parts.commandResults.save(result);
      return result;
    });
  }
}
