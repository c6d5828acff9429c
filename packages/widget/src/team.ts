// The team's state as the visitor reads it: reply-time wording, the email check, and when to ask for an email.

import type { Message } from '@livechat/protocol';
import { format, type Strings } from './i18n.ts';

/** "Usually replies in …" from the median first response; null when there is no data to promise anything on. */
export function replyTimeText(seconds: number | null, strings: Strings): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null;
  if (seconds < 60) return strings.replyUnderMinute;
  const minutes = Math.round(seconds / 60);
  // Past an hour and a half, minutes read as false precision.
  if (minutes > 90) return format(strings.replyHours, { n: Math.round(minutes / 60) });
  return format(minutes === 1 ? strings.replyMinute : strings.replyMinutes, { n: minutes });
}

/** A plausible address: one @, no spaces, a dot in the domain. The server has the last word. */
export const isEmail = (text: string): boolean => text.length <= 254 && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(text);

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
