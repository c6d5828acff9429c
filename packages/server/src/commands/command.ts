// What every command implementation receives and returns.

import type {
  CommandContext,
  CommandDefinition,
  CommandLine,
  CommandResult,
  Lead,
  OperatorProfile,
  Ticket,
} from '@livechat/protocol';
import type { Conversation } from '../conversations/repository.ts';
import type { ConversationService } from '../conversations/service.ts';
import type { NewLead } from '../crm/repository.ts';
import type { Store } from '../db/store.ts';
import type { EventBus } from '../events/bus.ts';
import type { NewTicket } from '../helpdesk/repository.ts';

export interface CommandDeps {
  store: Store;
  bus: EventBus;
  conversations: ConversationService;
}

export interface CommandRun {
  operator: OperatorProfile;
  conversation: Conversation;
  /** Everything after the command's name, trimmed; never empty for commands that need it. */
  args: string;
  /** The commands available in this conversation right now. */
  available: readonly CommandDefinition[];
  context: CommandContext;
  deps: CommandDeps;
  /** Runs the effect once the command's answer has been sent (what it changes is told after the answer). */
  defer(effect: () => void): void;
}

export type CommandOutcome = Pick<CommandResult, 'status' | 'lines'>;

/**
 * A ticket or lead a command creates, handed to the registry unstored: it is stored in one
 * transaction with the command's result, whose lines `outcome` writes once the record has its
 * number or id.
 */
export type Creation =
  | { creates: 'ticket'; ticket: NewTicket; outcome: (ticket: Ticket) => CommandOutcome }
  | { creates: 'lead'; lead: NewLead; outcome: (lead: Lead) => CommandOutcome };

export interface Command {
  name: string;
  run(run: CommandRun): Promise<CommandOutcome | Creation>;
}

export const ok = (...lines: CommandLine[]): CommandOutcome => ({ status: 'ok', lines });
export const failed = (...lines: CommandLine[]): CommandOutcome => ({ status: 'error', lines });

/** The usage lines shown when a command is run without the argument it needs. */
export function usage(definition: CommandDefinition): CommandOutcome {
  return { status: 'usage', lines: [{ text: `Usage: ${definition.usage}` }, { text: definition.help }] };
}
