// The working hours form: one span per weekday shown Monday first, mapped to the stored spans and back.

import type { WorkingHours } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import {
  awayMessageValue,
  dayProblems,
  type HoursDraft,
  hoursChanged,
  hoursDraft,
  timeZoneChoices,
  workingHours,
} from './working-hours.ts';

const paris: WorkingHours = {
  timeZone: 'Europe/Paris',
  spans: [
    { day: 0, from: '10:00', to: '12:00' },
    { day: 1, from: '09:00', to: '18:00' },
    { day: 3, from: '14:00', to: '18:00' },
    { day: 3, from: '08:00', to: '12:00' },
  ],
};

const withDay = (draft: HoursDraft, day: number, change: Partial<HoursDraft['days'][number]>): HoursDraft => ({
  ...draft,
  days: draft.days.map((entry) => (entry.day === day ? { ...entry, ...change } : entry)),
});

describe('working hours in the form', () => {
  it('lists the week Monday first and Sunday last, each day as stored', () => {
    const draft = hoursDraft(paris, 'America/New_York');
    expect(draft.mode).toBe('schedule');
    expect(draft.timeZone).toBe('Europe/Paris');
    expect(draft.days.map((day) => day.day)).toEqual([1, 2, 3, 4, 5, 6, 0]);
    expect(draft.days[0]).toMatchObject({ day: 1, open: true, from: '09:00', to: '18:00', extra: [] });
    expect(draft.days[1]).toMatchObject({ day: 2, open: false });
    expect(draft.days[6]).toMatchObject({ day: 0, open: true, from: '10:00', to: '12:00' });
  });

  it('edits the earliest span of a day and keeps the others untouched on save', () => {
    const draft = hoursDraft(paris, 'UTC');
    expect(draft.days[2]).toMatchObject({
      from: '08:00',
      to: '12:00',
      extra: [{ day: 3, from: '14:00', to: '18:00' }],
    });
    const edited = withDay(draft, 3, { from: '07:30' });
    expect(workingHours(edited).spans).toEqual([
      { day: 0, from: '10:00', to: '12:00' },
      { day: 1, from: '09:00', to: '18:00' },
      { day: 3, from: '07:30', to: '12:00' },
      { day: 3, from: '14:00', to: '18:00' },
    ]);
  });

  it('drops every span of a day switched off', () => {
    const closed = withDay(hoursDraft(paris, 'UTC'), 3, { open: false });
    expect(workingHours(closed).spans?.some((span) => span.day === 3)).toBe(false);
  });

  it('round-trips stored hours unchanged', () => {
    const back = workingHours(hoursDraft(paris, 'UTC'));
    expect(back.timeZone).toBe('Europe/Paris');
    expect(hoursChanged(paris, back)).toBe(false);
  });

  it('starts a schedule from always open in the browser zone, on weekday office hours', () => {
    const draft = hoursDraft(undefined, 'Asia/Tokyo');
    expect(draft.mode).toBe('always');
    const scheduled = workingHours({ ...draft, mode: 'schedule' });
    expect(scheduled.timeZone).toBe('Asia/Tokyo');
    expect(scheduled.spans).toEqual([1, 2, 3, 4, 5].map((day) => ({ day, from: '09:00', to: '17:00' })));
  });

  it('allows a schedule with every day off: never open', () => {
    let draft: HoursDraft = { ...hoursDraft(undefined, 'UTC'), mode: 'schedule' };
    for (const day of [1, 2, 3, 4, 5]) draft = withDay(draft, day, { open: false });
    expect(workingHours(draft)).toEqual({ timeZone: 'UTC', spans: [] });
    expect(hoursChanged(undefined, workingHours(draft))).toBe(true);
  });
});

describe('what counts as a change', () => {
  it('ignores the zone of an always-open site, so an untouched form sends no hours', () => {
    const draft = hoursDraft({ timeZone: 'UTC', spans: null }, 'Europe/Paris');
    expect(hoursChanged({ timeZone: 'UTC', spans: null }, workingHours(draft))).toBe(false);
    expect(hoursChanged(undefined, workingHours(draft))).toBe(false);
  });

  it('sees a new zone, a new time, or a switch between always and a schedule', () => {
    const draft = hoursDraft(paris, 'UTC');
    expect(hoursChanged(paris, workingHours({ ...draft, timeZone: 'Europe/Berlin' }))).toBe(true);
    expect(hoursChanged(paris, workingHours(withDay(draft, 1, { to: '17:00' })))).toBe(true);
    expect(hoursChanged(paris, workingHours({ ...draft, mode: 'always' }))).toBe(true);
  });

  it('does not care in which order the server lists the spans', () => {
    const reordered: WorkingHours = { ...paris, spans: [...(paris.spans ?? [])].reverse() };
    expect(hoursChanged(reordered, workingHours(hoursDraft(paris, 'UTC')))).toBe(false);
  });
});

describe('checking the times before saving', () => {
  it('wants each open day to open before it closes', () => {
    const draft = withDay(withDay(hoursDraft(paris, 'UTC'), 1, { from: '18:00', to: '09:00' }), 0, { to: '10:00' });
    expect(dayProblems(draft)).toEqual([
      { day: 1, message: 'The opening time must be before the closing time.' },
      { day: 0, message: 'The opening time must be before the closing time.' },
    ]);
  });

  it('wants both times of an open day, and says nothing of closed days or an always-open site', () => {
    const draft = hoursDraft(paris, 'UTC');
    expect(dayProblems(withDay(draft, 1, { to: '' }))).toEqual([{ day: 1, message: 'Give both times as HH:MM.' }]);
    expect(dayProblems(withDay(draft, 1, { open: false, from: '18:00', to: '09:00' }))).toEqual([]);
    expect(dayProblems({ ...withDay(draft, 1, { from: '18:00', to: '09:00' }), mode: 'always' })).toEqual([]);
    expect(dayProblems(withDay(draft, 1, { from: '00:00', to: '23:59' }))).toEqual([]);
  });
});

describe('the away message and the zones offered', () => {
  it('stores an empty away message as null, for the default text', () => {
    expect(awayMessageValue('   ')).toBeNull();
    expect(awayMessageValue('  Back at 9. ')).toBe('Back at 9.');
  });

  it('offers UTC and a stored zone even where the runtime leaves them out', () => {
    const zones = timeZoneChoices('Etc/GMT+5');
    expect(zones).toContain('UTC');
    expect(zones).toContain('Etc/GMT+5');
    expect(zones).toContain('Europe/Paris');
    expect(new Set(zones).size).toBe(zones.length);
  });
});
