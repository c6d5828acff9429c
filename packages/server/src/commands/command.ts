// What every command implementation receives and returns.

import type {
  CommandContext,
  CommandDefinition,
  CommandLine,
  CommandResult,
  OperatorProfile,
} from '@livechat/protocol';
import type { Conversation } from '../conversations/repository.ts';
import type { ConversationService } from '../conversations/service.ts';
import type { Store } from '../db/store.ts';
import type { EventBus } from '../events/bus.ts';

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
}

export type CommandOutcome = Pick<CommandResult, 'status' | 'lines'>;

export interface Command {
  name: string;
  run(run: CommandRun): Promise<CommandOutcome>;
}

export const ok = (...lines: CommandLine[]): CommandOutcome => ({ status: 'ok', lines });
export const failed = (...lines: CommandLine[]): CommandOutcome => ({ status: 'error', lines });

/** The usage lines shown when a command is run without the argument it needs. */
export function usage(definition: CommandDefinition): CommandOutcome {
  return { status: 'usage', lines: [{ text: `Usage: ${definition.usage}` }, { text: definition.help }] };
}
