// The audit log's pure parts: each admin action said as a sentence, and what changed said as short lines.

import type { AuditAction, AuditEntry, AuditPage } from '@livechat/protocol';

const DOING: Record<AuditAction, (target: string) => string> = {
  'site.created': (site) => `created the site ${site}`,
  'site.updated': (site) => `changed the settings of ${site}`,
  'site.archived': (site) => `archived the site ${site}`,
  'site.origins_changed': (site) => `changed the allowed origins of ${site}`,
  'site.secret_rotated': (site) => `replaced the identity secret of ${site}`,
  'site.retention_changed': (site) => `changed how long ${site} keeps data`,
  'operator.invited': (operator) => `invited ${operator}`,
  'operator.role_changed': (operator) => `changed the role of ${operator}`,
  'operator.disabled': (operator) => `disabled ${operator}`,
  'operator.enabled': (operator) => `enabled ${operator}`,
  'operator.password_link': (operator) => `made a password link for ${operator}`,
  'modules.changed': () => 'changed the modules',
  'visitor.exported': (visitor) => `exported the data of ${visitor}`,
  'visitor.erased': (visitor) => `erased ${visitor}`,
};

/** "Alice changed the role of Bob"; the server itself acts for the retention job. */
export function auditSentence(entry: AuditEntry): string {
  const who = entry.actor?.name ?? (entry.actor === null ? 'The server' : 'Someone');
  const doing = DOING[entry.action];
  const what = doing ? doing(targetName(entry)) : `did ${entry.action}`;
  return `${who} ${what}`;
}

function targetName(entry: AuditEntry): string {
  const { kind, label, id } = entry.target;
  if (label) return kind === 'visitor' ? `visitor ${label}` : label;
  if (id) return `${kind} ${id}`;
  return `a removed ${kind}`;
}

/** One line per changed field: `role: operator → admin`, or `before → after` when the details are exactly that. */
export function auditDetailLines(details: Record<string, unknown>): string[] {
  if ('before' in details && 'after' in details && Object.keys(details).length === 2) {
    return [`${shown(details.before)} → ${shown(details.after)}`];
  }
  return Object.entries(details).map(([key, value]) => {
    if (isChange(value)) return `${words(key)}: ${shown(value.before)} → ${shown(value.after)}`;
    return `${words(key)}: ${shown(value)}`;
  });
}

/** `pageViewsDays` and `page_views_days` both read "page views days". */
function words(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_.]+/g, ' ')
    .toLowerCase();
}

function isChange(value: unknown): value is { before: unknown; after: unknown } {
  return typeof value === 'object' && value !== null && 'before' in value && 'after' in value;
}

/** Values as a person reads them: lists joined, nothing as "none", objects as `key value` pairs. */
function shown(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'none';
  if (Array.isArray(value)) return value.length === 0 ? 'none' : value.map(shown).join(', ');
  if (typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${words(key)} ${shown(inner)}`)
      .join(', ');
  }
  return String(value);
}

/** A next page joined to what is shown, without an entry twice if the log moved meanwhile. */
export function appendAuditPage(shownEntries: readonly AuditEntry[], page: AuditPage): AuditEntry[] {
  const known = new Set(shownEntries.map((entry) => entry.id));
  return [...shownEntries, ...page.entries.filter((entry) => !known.has(entry.id))];
}
