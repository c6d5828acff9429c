// Decides what the composer's text becomes when sent: nothing, a command run, or a message.

import { MAX_BODY_LENGTH, parseCommand } from '@livechat/protocol';
import type { Visibility } from '@livechat/protocol';

export type ComposerIntent =
  | { kind: 'empty' }
  | { kind: 'too-long'; length: number; max: number }
  | { kind: 'command'; name: string; args: string }
  | { kind: 'message'; body: string; visibility: Visibility };

/**
 * Text that parses as `/name args` always runs as a command, even in public mode: a command
 * typed by an operator must never reach the visitor as an ordinary message. With files ready to
 * go, empty text is a message: the files are its content and the text only their caption.
 */
export function composerIntent(text: string, internalNote: boolean, withFiles = false): ComposerIntent {
  const body = text.trim();
  if (body === '')
    return withFiles ? { kind: 'message', body, visibility: internalNote ? 'operator' : 'public' } : { kind: 'empty' };
  const command = parseCommand(body);
  if (command) return { kind: 'command', name: command.name, args: command.args };
  if (body.length > MAX_BODY_LENGTH) return { kind: 'too-long', length: body.length, max: MAX_BODY_LENGTH };
  return { kind: 'message', body, visibility: internalNote ? 'operator' : 'public' };
}

/** The visitor sees "typing…" only for a reply meant for them, not for notes or commands. */
export function typingIsPublic(text: string, internalNote: boolean): boolean {
  const trimmed = text.trimStart();
  return !internalNote && trimmed !== '' && !trimmed.startsWith('/');
}

/** An `@` at the start of a word: a mention being typed (an email address's `@` is not). */
export function hasMention(text: string): boolean {
  return /(^|\s)@/.test(text);
}

/**
 * Mentions belong in internal notes: a public reply with one becomes a note, unless the operator
 * switched back to a public reply after being told.
 */
export function mentionMakesNote(text: string, internalNote: boolean, publicChosen: boolean): boolean {
  return !internalNote && !publicChosen && hasMention(text);
}

/** Only a note notifies the operators it mentions; a public reply must not, as the visitor reads it. */
export function mentionIdsToSend(visibility: Visibility, mentioned: readonly string[]): string[] {
  return visibility === 'operator' ? [...mentioned] : [];
}
