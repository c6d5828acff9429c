// What an admin's change to a site says in the audit log: one entry per kind of change, with before and after.

import type { AuditAction } from '@livechat/protocol';
import type { Site } from './repository.ts';

export interface SiteAuditEntry {
  action: AuditAction;
  details: Record<string, unknown>;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The settings that `site.updated` reports, by the name the API gives them. */
const SETTINGS = [
  'name',
  'widget',
  'queueAlertSeconds',
  'workingHours',
  'awayMessage',
  'requireIdentity',
  'attachments',
] as const;

/** Entries for what differs between the two versions of a site; none when nothing changed. */
export function siteChangeEntries(before: Site, after: Site): SiteAuditEntry[] {
  const entries: SiteAuditEntry[] = [];
  if (!same(before.allowedOrigins, after.allowedOrigins)) {
    entries.push({
      action: 'site.origins_changed',
      details: { before: before.allowedOrigins, after: after.allowedOrigins },
    });
  }
  if (!same(before.retention, after.retention)) {
    entries.push({ action: 'site.retention_changed', details: { before: before.retention, after: after.retention } });
  }
  const changed = SETTINGS.filter((field) => !same(before[field], after[field]));
  if (changed.length > 0) {
    entries.push({
      action: 'site.updated',
      details: Object.fromEntries(changed.map((field) => [field, { before: before[field], after: after[field] }])),
    });
  }
  if (before.archivedAt === null && after.archivedAt !== null) entries.push({ action: 'site.archived', details: {} });
  if (before.archivedAt !== null && after.archivedAt === null) {
    entries.push({ action: 'site.updated', details: { archived: { before: true, after: false } } });
  }
  return entries;
}
