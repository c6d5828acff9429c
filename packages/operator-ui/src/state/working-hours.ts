// The site editor's working hours and away message as typed: one span per weekday, mapped to and from the stored spans.

import type { OpeningSpan, WorkingHours } from '@livechat/protocol';

/** What the server assumes for a site that never set its hours. */
export const ALWAYS_OPEN: WorkingHours = { timeZone: 'UTC', spans: null };

export const AWAY_MESSAGE_MAX = 500;

/** Monday first, as most of the world reads a week; `day` keeps `Date.getDay()` numbering (0 = Sunday). */
export const WEEKDAYS: ReadonlyArray<{ day: number; name: string }> = [
  { day: 1, name: 'Monday' },
  { day: 2, name: 'Tuesday' },
  { day: 3, name: 'Wednesday' },
  { day: 4, name: 'Thursday' },
  { day: 5, name: 'Friday' },
  { day: 6, name: 'Saturday' },
  { day: 0, name: 'Sunday' },
];

export interface DayDraft {
  day: number;
  open: boolean;
  from: string;
  to: string;
  /** Spans beyond the first one the server stored for this day: the form does not edit them but keeps them. */
  extra: OpeningSpan[];
}

export interface HoursDraft {
  mode: 'always' | 'schedule';
  timeZone: string;
  /** Monday first, as shown. */
  days: DayDraft[];
}

const OFFICE_FROM = '09:00';
const OFFICE_TO = '17:00';

const bySpanStart = (a: OpeningSpan, b: OpeningSpan) => a.day - b.day || a.from.localeCompare(b.from);

/**
 * The form for stored hours. Always open has no meaningful zone, so a schedule started from it begins in
 * `browserZone`, on office hours from Monday to Friday.
 */
export function hoursDraft(hours: WorkingHours | undefined, browserZone: string): HoursDraft {
  const stored = hours ?? ALWAYS_OPEN;
  if (stored.spans === null) {
    return {
      mode: 'always',
      timeZone: browserZone,
      days: WEEKDAYS.map(({ day }) => ({
        day,
        open: day >= 1 && day <= 5,
        from: OFFICE_FROM,
        to: OFFICE_TO,
        extra: [],
      })),
    };
  }
  const spans = [...stored.spans].sort(bySpanStart);
  return {
    mode: 'schedule',
    timeZone: stored.timeZone,
    days: WEEKDAYS.map(({ day }) => {
      const [first, ...extra] = spans.filter((span) => span.day === day);
      return first
        ? { day, open: true, from: first.from, to: first.to, extra }
        : { day, open: false, from: OFFICE_FROM, to: OFFICE_TO, extra: [] };
    }),
  };
}

/** The hours to store; a day switched off loses its extra spans too, since it is closed. */
export function workingHours(draft: HoursDraft): WorkingHours {
  if (draft.mode === 'always') return { timeZone: draft.timeZone, spans: null };
  const spans = draft.days
    .filter((day) => day.open)
    .flatMap((day) => [{ day: day.day, from: day.from, to: day.to }, ...day.extra])
    .sort(bySpanStart);
  return { timeZone: draft.timeZone, spans };
}

/** Whether saving would change what is stored; the zone of an always-open site does not matter. */
export function hoursChanged(stored: WorkingHours | undefined, next: WorkingHours): boolean {
  const before = stored ?? ALWAYS_OPEN;
  if (before.spans === null && next.spans === null) return false;
  if (before.spans === null || next.spans === null) return true;
  if (before.timeZone !== next.timeZone) return true;
  const key = (spans: OpeningSpan[]) => JSON.stringify([...spans].sort(bySpanStart).map((s) => [s.day, s.from, s.to]));
  return key(before.spans) !== key(next.spans);
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface DayProblem {
  day: number;
  message: string;
}

/** Open days whose times the server would refuse, said per day before anything is sent. */
export function dayProblems(draft: HoursDraft): DayProblem[] {
  if (draft.mode === 'always') return [];
  return draft.days.flatMap((day): DayProblem[] => {
    if (!day.open) return [];
    if (!TIME.test(day.from) || !TIME.test(day.to)) {
      return [{ day: day.day, message: 'Give both times as HH:MM.' }];
    }
    // Zero-padded 24-hour times compare as text.
    if (day.from >= day.to) return [{ day: day.day, message: 'The opening time must be before the closing time.' }];
    return [];
  });
}

export const dayName = (day: number): string => WEEKDAYS.find((weekday) => weekday.day === day)?.name ?? `Day ${day}`;

/** Empty means the widget's default text, which the server stores as null. */
export function awayMessageValue(text: string): string | null {
  const trimmed = text.trim();
  return trimmed === '' ? null : trimmed;
}

/** The zones offered: the runtime's list, plus UTC and the stored zone, which runtimes may leave out of it. */
export function timeZoneChoices(current: string): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  const missing = [...new Set(['UTC', current])].filter((zone) => !zones.includes(zone));
  return [...missing, ...zones];
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}
