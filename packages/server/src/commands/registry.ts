// The command registry: one entry per command. Adding a command is one file plus one line here.

import {
  COMMANDS,
  type CommandContext,
  type CommandDefinition,
  type CommandResult,
  type OperatorProfile,
  availableCommands,
} from '@livechat/protocol';
import { newId, now } from '../ids.ts';
import { type Command, type CommandDeps, type CommandOutcome, type Creation, failed, usage } from './command.ts';
import { help } from './help.ts';
import { history } from './history.ts';
import { lead } from './lead.ts';
import { leave } from './leave.ts';
import { searchTickets } from './search-tickets.ts';
import { ticket } from './ticket.ts';

const HANDLERS: readonly Command[] = [help, ticket, searchTickets, history, lead, leave];

const WHY_UNAVAILABLE: Record<string, string> = {
  helpdesk: 'the helpdesk is switched off or no helpdesk team has live chat enabled',
  crm: 'the CRM is switched off',
};

export class CommandRegistry {
  private readonly handlers = new Map(HANDLERS.map((handler) => [handler.name, handler]));

  constructor(private readonly deps: CommandDeps) {
    for (const definition of COMMANDS) {
      if (!this.handlers.has(definition.name)) throw new Error(`command /${definition.name} has no handler`);
    }
  }

  async context(): Promise<CommandContext> {
    const [modules, team] = await Promise.all([
      this.deps.store.settings.modules(),
      this.deps.store.helpdesk.livechatTeam(),
    ]);
    return { ...modules, livechatTeam: team !== null };
  }

  async availableNames(): Promise<string[]> {
    return availableCommands(await this.context()).map((command) => command.name);
  }

  /** Tells every operator which commands exist now, after a module switch or a team change. */
  async announceAvailable(): Promise<void> {
    const commands = await this.availableNames();
    this.deps.bus.publish({ kind: 'to-operators', frame: { type: 'commands.available', commands } });
  }

  /**
   * Runs a command in a conversation the operator may read and keeps the result for them alone.
   * Unknown and unavailable commands are answered, never passed on as messages. Effects the command
   * deferred are added to `deferred`, for the caller to run once the answer is sent.
   */
  async run(
    operator: OperatorProfile,
    conversationId: string,
    name: string,
    args: string,
    deferred: Array<() => void> = [],
  ): Promise<CommandResult> {
    const conversation = await this.deps.conversations.readable(operator, conversationId);
    const context = await this.context();
    const available = availableCommands(context);
    const answer = await this.outcome(name, args, available, (handler) =>
      handler.run({
        operator,
        conversation,
        args,
        available,
        context,
        deps: this.deps,
        defer: (effect) => deferred.push(effect),
      }),
    );
    const result = (outcome: CommandOutcome): CommandResult => ({
      id: newId(),
      conversationId: conversation.id,
      operatorId: operator.id,
      input: args ? `/${name} ${args}` : `/${name}`,
      ...outcome,
      createdAt: now(),
    });
    if ('creates' in answer) return this.create(answer, result);
    const kept = result(answer);
    await this.deps.store.commandResults.save(kept);
    return kept;
  }

  /** Stores the new record with the result that announces it: both or neither, in one commit. */
  private create(creation: Creation, result: (outcome: CommandOutcome) => CommandResult): Promise<CommandResult> {
    const writes = this.deps.store.commandWrites;
    switch (creation.creates) {
      case 'ticket':
        return writes.ticketWithResult(creation.ticket, (ticket) => result(creation.outcome(ticket)));
      case 'lead':
        return writes.leadWithResult(creation.lead, (lead) => result(creation.outcome(lead)));
    }
  }

  private async outcome(
    name: string,
    args: string,
    available: readonly CommandDefinition[],
    execute: (handler: Command) => Promise<CommandOutcome | Creation>,
  ): Promise<CommandOutcome | Creation> {
    const definition = COMMANDS.find((command) => command.name === name);
    const handler = this.handlers.get(name);
    if (!definition || !handler) {
      return failed({ text: `Unknown command /${name}.` }, { text: 'Type /help to see the commands available here.' });
    }
    if (!available.includes(definition)) {
      const reason = definition.requires.helpdesk ? WHY_UNAVAILABLE.helpdesk : WHY_UNAVAILABLE.crm;
      return failed(
        { text: `/${name} is not available: ${reason}.` },
        { text: 'Type /help to see the commands available here.' },
      );
    }
    if (definition.argument === 'required' && args === '') return usage(definition);
    return execute(handler);
  }
}
