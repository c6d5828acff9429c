// Whether a moment falls within a site's weekly working hours, read in the site's own time zone.

import type { WorkingHours } from '@livechat/protocol';

export const ALWAYS_OPEN: WorkingHours = { timeZone: 'UTC', spans: null };

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** One formatter per zone: building one costs far more than using it. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the runtime knows the IANA zone (an unknown one makes Intl throw a RangeError). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** `HH:MM` as minutes since midnight; `24:00` is the end of the day. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

/** The weekday (0 = Sunday) and the minute of the day at `at`, on the clocks of `timeZone`. */
export function localTime(timeZone: string, at: Date): { day: number; minute: number } {
  const parts = formatterFor(timeZone).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: WEEKDAYS.indexOf(part('weekday')), minute: Number(part('hour')) * 60 + Number(part('minute')) };
}

/** Open when a span of the local weekday holds the local time (`from` included, `to` excluded). */
export function isWithinHours(hours: WorkingHours, at: Date): boolean {
  if (hours.spans === null) return true;
  const { day, minute } = localTime(hours.timeZone, at);
  return hours.spans.some((span) => span.day === day && minutesOf(span.from) <= minute && minute < minutesOf(span.to));
}
