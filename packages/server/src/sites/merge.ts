// How a site's settings change: each group merged field by field, so every store applies a change alike.

import {
  ATTACHMENT_KINDS,
  type AttachmentSettings,
  DEFAULT_ATTACHMENT_SETTINGS,
  type RetentionSettings,
  type WidgetSettings,
} from '@livechat/protocol';
import { randomBytes } from 'node:crypto';
import { ALWAYS_OPEN } from './working-hours.ts';
import {
  DEFAULT_QUEUE_ALERT_SECONDS,
  DEFAULT_WIDGET_SETTINGS,
  NO_RETENTION,
  type NewSite,
  type Site,
  type SiteChanges,
  type SiteWidgetChanges,
} from './repository.ts';

/** The settings a store writes for a site, beside its id, secret and times. */
export type SiteSettings = Pick<
  Site,
  | 'name'
  | 'allowedOrigins'
  | 'widget'
  | 'queueAlertSeconds'
  | 'workingHours'
  | 'awayMessage'
  | 'retention'
  | 'attachments'
>;

export const newIdentitySecret = (): string => randomBytes(32).toString('hex');

/** Changes to the widget, field by field; the pre-chat form's fields too, so one select's change keeps the other. */
export function mergeWidget(current: WidgetSettings, changes: SiteWidgetChanges | undefined): WidgetSettings {
  if (!changes) return current;
  const { prechat, ...rest } = changes;
  return { ...current, ...rest, prechat: { ...current.prechat, ...prechat } };
}

/** A limit left out keeps its setting; null turns it off. */
export function mergeRetention(
  current: RetentionSettings,
  changes: Partial<RetentionSettings> | undefined,
): RetentionSettings {
  return {
    conversationsDays: changes?.conversationsDays === undefined ? current.conversationsDays : changes.conversationsDays,
    pageViewsDays: changes?.pageViewsDays === undefined ? current.pageViewsDays : changes.pageViewsDays,
  };
}

/** A field left out keeps its setting; the kinds are kept in the order of ATTACHMENT_KINDS. */
export function mergeAttachments(
  current: AttachmentSettings,
  changes: Partial<AttachmentSettings> | undefined,
): AttachmentSettings {
  const kinds = changes?.kinds ?? current.kinds;
  return {
    maxBytes: changes?.maxBytes ?? current.maxBytes,
    kinds: ATTACHMENT_KINDS.filter((kind) => kinds.includes(kind)),
  };
}

/** A new site's settings: what the admin gave, defaults for the rest. */
export function newSiteSettings(site: NewSite): SiteSettings {
  return {
    ...site,
    widget: mergeWidget(DEFAULT_WIDGET_SETTINGS, site.widget),
    queueAlertSeconds: site.queueAlertSeconds ?? DEFAULT_QUEUE_ALERT_SECONDS,
    workingHours: site.workingHours ?? ALWAYS_OPEN,
    awayMessage: site.awayMessage ?? null,
    retention: mergeRetention(NO_RETENTION, site.retention),
    attachments: mergeAttachments(DEFAULT_ATTACHMENT_SETTINGS, site.attachments),
  };
}

/** A site's settings once `changes` are applied. */
export function changedSiteSettings(current: Site, changes: SiteChanges): SiteSettings {
  return {
    name: changes.name ?? current.name,
    allowedOrigins: changes.allowedOrigins ?? current.allowedOrigins,
    widget: mergeWidget(current.widget, changes.widget),
    queueAlertSeconds: changes.queueAlertSeconds ?? current.queueAlertSeconds,
    workingHours: changes.workingHours ?? current.workingHours,
    // null clears the message: only a missing field keeps it.
    awayMessage: changes.awayMessage === undefined ? current.awayMessage : changes.awayMessage,
    retention: mergeRetention(current.retention, changes.retention),
    attachments: mergeAttachments(current.attachments, changes.attachments),
  };
}
