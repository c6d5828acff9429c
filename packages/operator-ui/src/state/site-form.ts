// The site editor's pure parts: origins typed one per line, the server's verdict on them, and widget fields.

import {
  normaliseOrigins,
  type PrechatForm,
  type RetentionSettings,
  type SiteDetails,
  type WidgetSettings,
} from '@livechat/protocol';

/** One origin per line; blank lines and surrounding spaces are nobody's intent. */
export function originLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export interface OriginProblem {
  /** 1-based, counting the non-blank lines the server was sent. */
  line: number;
  origin: string;
  message: string;
}

/**
 * The lines the server would refuse, checked here with the same rules it applies (the protocol's
 * `normaliseOrigins`), so each problem sits beside its line before anything is sent.
 */
export function originProblems(origins: readonly string[]): OriginProblem[] {
  const checked = normaliseOrigins(origins);
  if (checked.ok) return [];
  return checked.problems.map(({ line, text, problem }) => ({
    line,
    origin: text.trim(),
    message: problem.charAt(0).toUpperCase() + problem.slice(1),
  }));
}

/** Origins the server stored in another form than typed, paired when the lists line up one to one. */
export function rewrittenOrigins(typed: readonly string[], saved: readonly string[]): Array<[string, string]> {
  if (typed.length !== saved.length) return [];
  return typed.flatMap((origin, index): Array<[string, string]> => {
    const stored = saved[index];
    return stored !== undefined && stored !== origin ? [[origin, stored]] : [];
  });
}

const HEX = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i;

export const isHexColor = (value: string): boolean => HEX.test(value.trim());

/** The colour picker only takes `#rrggbb`; `#rgb` doubles each digit as CSS does. */
export function pickerColor(value: string | null, fallback = '#2b59d9'): string {
  const color = value?.trim() ?? '';
  if (!isHexColor(color)) return fallback;
  const digits = color.slice(1).toLowerCase();
  return digits.length === 3 ? `#${[...digits].map((digit) => digit + digit).join('')}` : `#${digits}`;
}

/** The widget fields as typed: empty text means "the default" to the server, which is null. */
export interface WidgetDraft {
  color: string;
  position: WidgetSettings['position'];
  title: string;
  greeting: string;
  locale: string;
  prechat: PrechatForm;
}

export const PRECHAT_OFF: PrechatForm = { name: 'off', email: 'off' };

export function widgetDraft(widget: WidgetSettings | undefined): WidgetDraft {
  return {
    color: widget?.color ?? '',
    position: widget?.position ?? 'right',
    title: widget?.title ?? '',
    greeting: widget?.greeting ?? '',
    locale: widget?.locale ?? '',
    prechat: widget?.prechat ?? PRECHAT_OFF,
  };
}

export function widgetSettings(draft: WidgetDraft): WidgetSettings {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    color: orNull(draft.color),
    position: draft.position,
    title: orNull(draft.title),
    greeting: orNull(draft.greeting),
    locale: orNull(draft.locale),
    prechat: draft.prechat,
  };
}

/** Sites as listed: live ones by name, archived ones after them. */
export function sortSites(sites: readonly SiteDetails[]): SiteDetails[] {
  return [...sites].sort((a, b) => Number(a.archived) - Number(b.archived) || a.name.localeCompare(b.name));
}

/** Seconds a queued chat waits before every online operator is alerted again (the server's range). */
export const QUEUE_ALERT_DEFAULT = 120;
export const QUEUE_ALERT_MIN = 30;
export const QUEUE_ALERT_MAX = 3600;

export function parseQueueAlert(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const seconds = Number(text.trim());
  return seconds >= QUEUE_ALERT_MIN && seconds <= QUEUE_ALERT_MAX ? seconds : null;
}

/** A site's retention in days (the server's range); an empty field keeps data for good. */
export const RETENTION_MIN_DAYS = 1;
export const RETENTION_MAX_DAYS = 3650;

export interface RetentionDraft {
  conversations: string;
  pageViews: string;
}

export function retentionDraft(retention: RetentionSettings | undefined): RetentionDraft {
  const text = (days: number | null | undefined) => (days === null || days === undefined ? '' : String(days));
  return { conversations: text(retention?.conversationsDays), pageViews: text(retention?.pageViewsDays) };
}

/** Null for an empty field (keep), the days when valid, undefined when the text cannot be used. */
export function parseRetentionDays(text: string): number | null | undefined {
  const value = text.trim();
  if (value === '') return null;
  if (!/^\d+$/.test(value)) return undefined;
  const days = Number(value);
  return days >= RETENTION_MIN_DAYS && days <= RETENTION_MAX_DAYS ? days : undefined;
}

/** The retention as typed, or the names of the fields that cannot be used. */
export function retentionSettings(draft: RetentionDraft): { ok: RetentionSettings } | { invalid: string[] } {
  const conversationsDays = parseRetentionDays(draft.conversations);
  const pageViewsDays = parseRetentionDays(draft.pageViews);
  const invalid = [
    ...(conversationsDays === undefined ? ['conversations'] : []),
    ...(pageViewsDays === undefined ? ['page views'] : []),
  ];
  if (conversationsDays === undefined || pageViewsDays === undefined) return { invalid };
  return { ok: { conversationsDays, pageViewsDays } };
}

/** Only what changed is sent, so the rest of the form stays savable on a server that predates retention. */
export function retentionChanges(
  before: RetentionSettings | undefined,
  after: RetentionSettings,
): Partial<RetentionSettings> | null {
  const changes: Partial<RetentionSettings> = {};
  if ((before?.conversationsDays ?? null) !== after.conversationsDays)
    changes.conversationsDays = after.conversationsDays;
  if ((before?.pageViewsDays ?? null) !== after.pageViewsDays) changes.pageViewsDays = after.pageViewsDays;
  return Object.keys(changes).length > 0 ? changes : null;
}
