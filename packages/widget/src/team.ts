// The team's state as the visitor reads it: how fast it usually replies, in the visitor's words.

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
