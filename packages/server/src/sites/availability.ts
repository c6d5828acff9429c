// What the widget shows of the team before the visitor writes: online with who is there, or away and why.

import type { TeamAvailability } from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import type { Presence } from '../realtime/presence.ts';
import type { Site } from './repository.ts';
import { isWithinHours } from './working-hours.ts';

const SHOWN_OPERATORS = 5;
const MEASURED_DAYS = 7;
const DAY_MS = 24 * 3600 * 1000;

/** `Alice Martin` → `AM`; one word gives one letter. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const first = words[0];
  if (!first) return '';
  const last = words.length > 1 ? words[words.length - 1] : undefined;
  return [first, last]
    .filter((word): word is string => word !== undefined)
    .map((word) => [...word][0]?.toLocaleUpperCase() ?? '')
    .join('');
}

/** Operators who would get a chat now: a socket open, usable, and set online (not away), by name. */
async function onlineNames(store: Store, presence: Presence): Promise<string[]> {
  const info = await store.operators.routingInfo(await presence.online());
  const names: string[] = [];
  for (const { id, availability } of info) {
    if (availability !== 'online') continue;
    const operator = await store.operators.byId(id);
    if (operator) names.push(operator.name);
  }
  return names.sort((a, b) => a.localeCompare(b));
}

export async function teamAvailability(
  store: Store,
  presence: Presence,
  site: Site,
  at: Date,
): Promise<TeamAvailability> {
  const since = new Date(at.getTime() - MEASURED_DAYS * DAY_MS).toISOString();
  const medianFirstResponseSeconds = await store.responseTimes.medianFirstResponseSeconds(site.id, since);
  const away = (reason: 'outside_hours' | 'nobody_online'): TeamAvailability => ({
    state: 'away',
    reason,
    operators: [],
    medianFirstResponseSeconds,
    awayMessage: site.awayMessage,
  });
  if (!isWithinHours(site.workingHours, at)) return away('outside_hours');
  const names = await onlineNames(store, presence);
  if (names.length === 0) return away('nobody_online');
  return {
    state: 'online',
    reason: null,
    operators: names.slice(0, SHOWN_OPERATORS).map(initialsOf),
    medianFirstResponseSeconds,
    awayMessage: site.awayMessage,
  };
}
