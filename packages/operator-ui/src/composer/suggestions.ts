// What the composer suggests at the cursor: commands after a leading `/`, canned responses after `:`,
// operators after `@`. Pure: text, cursor and lists in, suggestions out.

import type { CannedResponse, CommandDefinition, OperatorList } from '@livechat/protocol';
import { COMMANDS, activeToken, foldForSearch, rankMatches } from '@livechat/protocol';
import { type CannedIndex, filterCanned } from './canned-filter.ts';

export type Mentionable = OperatorList['operators'][number];

export type Suggestion =
  | { kind: 'command'; key: string; command: CommandDefinition }
  | { kind: 'canned'; key: string; response: CannedResponse }
  | { kind: 'mention'; key: string; operator: Mentionable };

export type Trigger = '/' | ':' | '@';

/** The token being completed: `text[start, end)` is replaced when a suggestion is chosen. */
export interface ActiveTrigger {
  trigger: Trigger;
  start: number;
  end: number;
  term: string;
}

/** At most this many operators are suggested for `@`. */
export const MENTION_LIMIT = 8;

/**
 * `/` counts only as the very first character, while the cursor is still in the command's name;
 * `:` and `@` count at the start or after whitespace, anywhere in the text.
 */
export function findTrigger(text: string, cursor: number): ActiveTrigger | null {
  if (text.startsWith('/')) {
    const name = /^\/[^\s]*/.exec(text)?.[0] ?? '/';
    if (cursor >= 1 && cursor <= name.length)
      return { trigger: '/', start: 0, end: name.length, term: text.slice(1, cursor) };
    if (cursor <= name.length) return null;
  }
  const token = activeToken(text, cursor, ':@');
  if (!token) return null;
  return { trigger: token.trigger as Trigger, start: token.start, end: cursor, term: token.term };
}

/** The commands the server offers, known ones with their usage; prefix matches first, then in their usual order. */
export function commandSuggestions(available: readonly string[], term: string): Suggestion[] {
  const offered = new Set(available);
  const definitions = COMMANDS.filter((command) => offered.has(command.name));
  // A command the server offers that this build does not know still gets a row.
  for (const name of available) {
    if (!definitions.some((command) => command.name === name)) {
      definitions.push({ name, usage: `/${name}`, help: '', argument: 'none', requires: {} });
    }
  }
  const order = new Map(definitions.map((command, at) => [command.name, at]));
  return rankMatches(
    definitions,
    term,
    (command) => [foldForSearch(command.name)],
    (a, b) => (order.get(a.name) ?? 0) - (order.get(b.name) ?? 0),
  ).map((command) => ({ kind: 'command', key: `/${command.name}`, command }));
}

export function cannedSuggestions(index: CannedIndex, term: string): Suggestion[] {
  return filterCanned(index, term).map((response) => ({ kind: 'canned', key: `:${response.id}`, response }));
}

/** Operators by name or email substring, names starting with the term first, at most 8. */
export function mentionSuggestions(team: readonly Mentionable[], term: string): Suggestion[] {
  return rankMatches(
    team,
    term,
    (operator) => [foldForSearch(operator.name), foldForSearch(operator.email)],
    (a, b) => a.name.localeCompare(b.name),
    MENTION_LIMIT,
  ).map((operator) => ({ kind: 'mention', key: `@${operator.id}`, operator }));
}

/** A canned response put into the draft: it still counts if its text is still there when sent. */
export interface InsertedCanned {
  id: string;
  text: string;
}

/** The canned responses whose inserted text survived editing, once each. */
export function cannedStillPresent(body: string, inserted: readonly InsertedCanned[]): string[] {
  const ids = new Set<string>();
  for (const item of inserted) {
    const text = item.text.trim();
    if (text !== '' && body.includes(text)) ids.add(item.id);
  }
  return [...ids];
}

/** The start of a canned response for its suggestion row: one line, clipped. */
export function substitutionPreview(substitution: string, max = 80): string {
  const line = substitution.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}
