// A report's figures from the facts of a period's conversations: counts, middle and slow waits, ratings.

import type { ReportFigures } from '@livechat/protocol';
import type { ConversationFacts } from './repository.ts';

/** The middle value, or the mean of the two middle ones; null for none. Sorted ascending. */
export function median(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  const upper = Math.floor(sorted.length / 2);
  const middle = sorted.length % 2 === 1 ? (sorted[upper] ?? 0) : ((sorted[upper - 1] ?? 0) + (sorted[upper] ?? 0)) / 2;
  return Math.round(middle);
}

/** The 90th percentile by nearest rank: the smallest value at least 90% of the values do not exceed. */
export function p90(sorted: readonly number[]): number | null {
  if (sorted.length === 0) return null;
  return Math.round(sorted[Math.ceil(sorted.length * 0.9) - 1] ?? 0);
}

const seconds = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 1000;
const ascending = (values: number[]): number[] => values.sort((a, b) => a - b);

export interface Period {
  from: string;
  to: string;
}

const within = (time: string | null, period: Period): boolean =>
  time !== null && Date.parse(time) >= Date.parse(period.from) && Date.parse(time) < Date.parse(period.to);

/**
 * `answeredAt` says when a conversation got its first reply: the team's for totals and sites, the
 * assignee's own for an operator.
 */
export function figures(
  facts: readonly ConversationFacts[],
  period: Period,
  answeredAt: (fact: ConversationFacts) => string | null = (fact) => fact.answeredAt,
): ReportFigures {
  const started = facts.filter((fact) => within(fact.createdAt, period));
  const waits: number[] = [];
  const ratings = { good: 0, okay: 0, bad: 0 };
  for (const fact of started) {
    const answer = answeredAt(fact);
    if (fact.askedAt !== null && answer !== null) waits.push(seconds(fact.askedAt, answer));
    if (fact.rating) ratings[fact.rating] += 1;
  }
  const resolutions = facts.flatMap((fact) =>
    fact.closedAt !== null && within(fact.closedAt, period) ? [seconds(fact.createdAt, fact.closedAt)] : [],
  );
  const sortedWaits = ascending(waits);
  return {
    conversations: started.length,
    answered: waits.length,
    firstResponseMedianSeconds: median(sortedWaits),
    firstResponseP90Seconds: p90(sortedWaits),
    resolutionMedianSeconds: median(ascending(resolutions)),
    ratings,
  };
}
