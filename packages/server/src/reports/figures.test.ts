// The report's arithmetic: middle and 90th-percentile waits, and which conversations count in a period.

import { describe, expect, it } from 'vitest';
import { figures, median, p90 } from './figures.ts';
import type { ConversationFacts } from './repository.ts';

describe('median and p90', () => {
  it('are null without values', () => {
    expect(median([])).toBeNull();
    expect(p90([])).toBeNull();
  });

  it('take the middle value, or the mean of the two middle ones, rounded to a second', () => {
    expect(median([7])).toBe(7);
    expect(median([10, 20, 90])).toBe(20);
    expect(median([10, 21])).toBe(16);
  });

  it('take the 90th percentile by nearest rank', () => {
    expect(p90([5])).toBe(5);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBe(9);
    expect(p90([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])).toBe(10);
    expect(p90([10, 60])).toBe(60);
  });
});

const period = { from: '2030-01-08T00:00:00.000Z', to: '2030-01-15T00:00:00.000Z' };

const fact = (overrides: Partial<ConversationFacts>): ConversationFacts => ({
  id: 'c',
  siteId: 's',
  assignedOperatorId: 'alice',
  createdAt: '2030-01-10T10:00:00.000Z',
  closedAt: null,
  askedAt: '2030-01-10T10:00:00.000Z',
  answeredAt: null,
  assigneeAnsweredAt: null,
  rating: null,
  ...overrides,
});

describe('a period', () => {
  it('counts conversations started in it, and resolutions of those closed in it, whenever they started', () => {
    const result = figures(
      [
        // Started before, closed inside: a resolution of two days, not a conversation of the period.
        fact({ createdAt: '2030-01-07T12:00:00.000Z', closedAt: '2030-01-09T12:00:00.000Z', rating: 'bad' }),
        // Started inside, closed after it: a conversation, no resolution yet.
        fact({
          createdAt: '2030-01-14T23:00:00.000Z',
          askedAt: '2030-01-14T23:00:00.000Z',
          answeredAt: '2030-01-14T23:01:30.000Z',
          closedAt: '2030-01-15T01:00:00.000Z',
          rating: 'good',
        }),
      ],
      period,
    );
    expect(result).toEqual({
      conversations: 1,
      answered: 1,
      firstResponseMedianSeconds: 90,
      firstResponseP90Seconds: 90,
      resolutionMedianSeconds: 2 * 24 * 3600,
      ratings: { good: 1, okay: 0, bad: 0 },
    });
  });

  it('measures an operator by their own first answer, not a colleague’s', () => {
    const answered = fact({ answeredAt: '2030-01-10T10:00:10.000Z', assigneeAnsweredAt: '2030-01-10T10:01:00.000Z' });
    expect(figures([answered], period).firstResponseMedianSeconds).toBe(10);
    expect(figures([answered], period, (f) => f.assigneeAnsweredAt).firstResponseMedianSeconds).toBe(60);
  });
});
