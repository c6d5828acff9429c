// The report of the last 7 or 30 days: the whole team's figures, then each operator's and each site's.

import type { OperatorReport, Report, SiteReport } from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import { figures, type Period } from './figures.ts';
import type { ConversationFacts } from './repository.ts';

export type ReportDays = Report['days'];

const DAY_MS = 24 * 3600 * 1000;

const byName = <T extends { name: string }>(a: T, b: T): number => a.name.localeCompare(b.name);

export async function buildReport(store: Store, days: ReportDays, now: Date): Promise<Report> {
  const period: Period = { from: new Date(now.getTime() - days * DAY_MS).toISOString(), to: now.toISOString() };
  const facts = await store.reports.conversationFacts(period.from, period.to);
  return {
    days,
    ...period,
    totals: figures(facts, period),
    operators: await operatorReports(store, facts, period),
    sites: await siteReports(store, facts, period),
  };
}

/** Everyone who may work now, and anyone else who had conversations in the period (since disabled). */
async function operatorReports(
  store: Store,
  facts: readonly ConversationFacts[],
  period: Period,
): Promise<OperatorReport[]> {
  const names = new Map((await store.operators.list()).map((operator) => [operator.id, operator.name]));
  for (const id of new Set(facts.map((fact) => fact.assignedOperatorId))) {
    if (id === null || names.has(id)) continue;
    const operator = await store.operators.byId(id);
    if (operator) names.set(id, operator.name);
  }
  return [...names]
    .map(([operatorId, name]) => ({
      operatorId,
      name,
      ...figures(
        facts.filter((fact) => fact.assignedOperatorId === operatorId),
        period,
        (fact) => fact.assigneeAnsweredAt,
      ),
    }))
    .sort(byName);
}

/** Live sites, and archived ones that still had conversations in the period. */
async function siteReports(store: Store, facts: readonly ConversationFacts[], period: Period): Promise<SiteReport[]> {
  const active = new Set(facts.map((fact) => fact.siteId));
  return (await store.sites.list())
    .filter((site) => site.archivedAt === null || active.has(site.id))
    .map((site) => ({
      siteId: site.id,
      name: site.name,
      ...figures(
        facts.filter((fact) => fact.siteId === site.id),
        period,
      ),
    }))
    .sort(byName);
}
