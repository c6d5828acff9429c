import type { WorkingHours } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { isKnownTimeZone, isWithinHours, localTime } from './working-hours.ts';

const weekdays = (timeZone: string, from: string, to: string): WorkingHours => ({
  timeZone,
  spans: [1, 2, 3, 4, 5].map((day) => ({ day, from, to })),
});

describe('isWithinHours', () => {
  it('is always open without spans, and never with an empty list', () => {
    const at = new Date('2026-12-06T03:00:00Z');
    expect(isWithinHours({ timeZone: 'UTC', spans: null }, at)).toBe(true);
    expect(isWithinHours({ timeZone: 'UTC', spans: [] }, at)).toBe(false);
  });

  it('reads the clock of the site, not of the server', () => {
    const paris = weekdays('Europe/Paris', '09:00', '18:00');
    // Monday 7 December 2026, 08:30 UTC = 09:30 in Paris (winter, UTC+1).
    expect(isWithinHours(paris, new Date('2026-12-07T08:30:00Z'))).toBe(true);
    // 07:30 UTC = 08:30 in Paris: not yet.
    expect(isWithinHours(paris, new Date('2026-12-07T07:30:00Z'))).toBe(false);
    const newYork = weekdays('America/New_York', '09:00', '18:00');
    // The same 08:30 UTC is 03:30 in New York.
    expect(isWithinHours(newYork, new Date('2026-12-07T08:30:00Z'))).toBe(false);
    expect(isWithinHours(newYork, new Date('2026-12-07T14:30:00Z'))).toBe(true);
  });

  it('includes the start and excludes the end of a span', () => {
    const utc = weekdays('UTC', '09:00', '17:30');
    expect(isWithinHours(utc, new Date('2026-12-07T09:00:00Z'))).toBe(true);
    expect(isWithinHours(utc, new Date('2026-12-07T08:59:59Z'))).toBe(false);
    expect(isWithinHours(utc, new Date('2026-12-07T17:29:00Z'))).toBe(true);
    expect(isWithinHours(utc, new Date('2026-12-07T17:30:00Z'))).toBe(false);
  });

  it('takes the weekday of the site: late Friday in Los Angeles is Saturday in UTC', () => {
    const la = weekdays('America/Los_Angeles', '09:00', '24:00');
    // Saturday 12 December 2026, 05:00 UTC = Friday 21:00 in Los Angeles (UTC-8).
    expect(localTime('America/Los_Angeles', new Date('2026-12-12T05:00:00Z'))).toEqual({ day: 5, minute: 21 * 60 });
    expect(isWithinHours(la, new Date('2026-12-12T05:00:00Z'))).toBe(true);
    // Saturday 18:00 UTC = Saturday 10:00 there: the weekend.
    expect(isWithinHours(la, new Date('2026-12-12T18:00:00Z'))).toBe(false);
  });

  it('opens on Sunday (day 0) in Tokyo while it is still Saturday in UTC', () => {
    const tokyo: WorkingHours = { timeZone: 'Asia/Tokyo', spans: [{ day: 0, from: '08:00', to: '12:00' }] };
    // Saturday 12 December 2026, 23:30 UTC = Sunday 08:30 in Tokyo (UTC+9).
    expect(isWithinHours(tokyo, new Date('2026-12-12T23:30:00Z'))).toBe(true);
    expect(isWithinHours(tokyo, new Date('2026-12-12T22:30:00Z'))).toBe(false);
  });

  it('follows summer time', () => {
    const paris = weekdays('Europe/Paris', '09:00', '10:00');
    // Monday 6 July 2026, 07:30 UTC = 09:30 in Paris (summer, UTC+2); in winter it would be 08:30.
    expect(isWithinHours(paris, new Date('2026-07-06T07:30:00Z'))).toBe(true);
    expect(isWithinHours(paris, new Date('2026-12-07T07:30:00Z'))).toBe(false);
  });

  it('keeps several spans of one day apart', () => {
    const lunchBreak: WorkingHours = {
      timeZone: 'UTC',
      spans: [
        { day: 3, from: '09:00', to: '12:00' },
        { day: 3, from: '13:00', to: '17:00' },
      ],
    };
    expect(isWithinHours(lunchBreak, new Date('2026-12-09T12:30:00Z'))).toBe(false);
    expect(isWithinHours(lunchBreak, new Date('2026-12-09T13:30:00Z'))).toBe(true);
  });
});

describe('isKnownTimeZone', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isKnownTimeZone('Europe/Paris')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
