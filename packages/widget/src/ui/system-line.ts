// The words of a system line ("Alice joined", "You ended the conversation") in the visitor's language.

import type { Message, SystemEvent } from '@livechat/protocol';
import type { Strings } from '../i18n.ts';

const WORDING = {
  joined: 'systemJoined',
  resolved: 'systemResolved',
  // Only the visitor ends a conversation (operators resolve it), so an `ended` line is always their own.
  ended: 'systemEnded',
  transferred: 'systemTransferred',
} as const satisfies Record<SystemEvent, keyof Strings>;

/** The line worded from its event; the server's own (English) body when the event is missing or unknown. */
export function systemLine(message: Message, strings: Strings): string {
  const system = message.system;
  const key = system ? WORDING[system.event] : undefined;
  if (!system || !key) return message.body;
  // Its one placeholder, replaced here: importing the formatter from here makes the bundler split the locales' module out of the core.
  return strings[key].replace('{name}', () => system.name || strings.someone);
}
