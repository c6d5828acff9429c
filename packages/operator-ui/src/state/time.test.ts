// Relative times shown beside conversations and page views.

import { describe, expect, it } from 'vitest';
import { relativeTime } from './time.ts';

const now = Date.parse('2030-06-15T12:00:00Z');
const ago = (ms: number) => new Date(now - ms).toISOString();
const MINUTE = 60_000;

describe('relativeTime', () => {
  it('says "just now" for the last few seconds and for a clock slightly behind the server', () => {
    expect(relativeTime(ago(10_000), now)).toBe('just now');
    expect(relativeTime(ago(-5_000), now)).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(relativeTime(ago(MINUTE), now)).toBe('1 min ago');
    expect(relativeTime(ago(42 * MINUTE), now)).toBe('42 min ago');
    expect(relativeTime(ago(3 * 60 * MINUTE), now)).toBe('3 h ago');
    expect(relativeTime(ago(30 * 60 * MINUTE), now)).toBe('yesterday');
    expect(relativeTime(ago(4 * 24 * 60 * MINUTE), now)).toBe('4 days ago');
  });

  it('shows a date beyond a week', () => {
    expect(relativeTime('2030-03-02T08:00:00Z', now, 'en-GB')).toBe('2 Mar 2030');
  });

  it('shows nothing for an unreadable time', () => {
    expect(relativeTime('not a date', now)).toBe('');
  });
});
