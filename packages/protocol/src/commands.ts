// Operator command definitions: name, usage, help text, argument shape and availability.

/** Which server modules a command needs before it may be offered or run. */
export interface CommandAvailability {
  helpdesk?: boolean;
  crm?: boolean;
}

export interface CommandDefinition {
  name: string;
  usage: string;
  help: string;
  /** Whether the command needs text after its name. */
  argument: 'none' | 'required';
  requires: CommandAvailability;
}

export const COMMANDS: readonly CommandDefinition[] = [
  { name: 'help', usage: '/help', help: 'Show who is here and what you can type', argument: 'none', requires: {} },
  {
    name: 'ticket',
    usage: '/ticket TITLE',
    help: 'Create a helpdesk ticket from this conversation',
    argument: 'required',
    requires: { helpdesk: true },
  },
  {
    name: 'search_tickets',
    usage: '/search_tickets KEYWORDS',
    help: 'Search helpdesk tickets by number or keywords',
    argument: 'required',
    requires: { helpdesk: true },
  },
  { name: 'history', usage: '/history', help: "Show the visitor's recent pages", argument: 'none', requires: {} },
  {
    name: 'lead',
    usage: '/lead TITLE',
    help: 'Create a CRM lead from this conversation',
    argument: 'required',
    requires: { crm: true },
  },
  { name: 'leave', usage: '/leave', help: 'Leave this conversation', argument: 'none', requires: {} },
];

/** What decides availability: module switches, and whether a helpdesk team takes live chat tickets. */
export interface CommandContext {
  helpdesk: boolean;
  crm: boolean;
  livechatTeam: boolean;
}

export function isAvailable(command: CommandDefinition, context: CommandContext): boolean {
  if (command.requires.helpdesk && !(context.helpdesk && context.livechatTeam)) return false;
  if (command.requires.crm && !context.crm) return false;
  return true;
}

export function availableCommands(context: CommandContext): CommandDefinition[] {
  return COMMANDS.filter((command) => isAvailable(command, context));
}

export interface ParsedCommand {
  name: string;
  args: string;
}

/**
 * Reads `/name args` from the start of an operator's composer text. Returns null when the text
 * is not a command (does not start with `/` followed by a name).
 */
export function parseCommand(text: string): ParsedCommand | null {
  const match = /^\/([A-Za-z_][\w-]*)(?:\s+([\s\S]*))?$/.exec(text.trim());
  if (!match) return null;
  return { name: (match[1] ?? '').toLowerCase(), args: (match[2] ?? '').trim() };
}
