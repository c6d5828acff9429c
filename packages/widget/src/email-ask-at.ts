// When to ask a visitor for an email: at once while the team is away, or after a minute without an answer.

import type { Message } from '@livechat/protocol';

/** How long a visitor waits for a first answer before being asked how to reach them. */
export const UNANSWERED_MS = 60_000;

/**
 * When the email ask shows: now (0) while the team is away; otherwise 60 s after the visitor's last
 * message if no operator wrote after it; null when there is nothing to ask (answered, or nothing written).
 */
export function emailAskAt(away: boolean, messages: readonly Message[]): number | null {
  if (away) return 0;
  const last = messages.filter((message) => message.author.kind !== 'system').at(-1);
  if (last?.author.kind !== 'visitor') return null;
  return Date.parse(last.createdAt) + UNANSWERED_MS;
}
