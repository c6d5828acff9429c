// Sites: which origins may embed the widget for a site id, and how the site proves who its users are.

import type { AttachmentSettings, RetentionSettings, WidgetSettings, WorkingHours } from '@livechat/protocol';

export interface Site {
  id: string;
  name: string;
  /** Normalised exact origins (see normaliseOrigins in the protocol). */
  allowedOrigins: string[];
  /** 256 random bits, hex: the HMAC key the site's backend signs user ids with. */
  identitySecret: string;
  /** identify() must then carry a valid hash; unverified names and emails are refused. */
  requireIdentity: boolean;
  widget: WidgetSettings;
  /** A queued conversation waiting longer than this alerts every online operator again. */
  queueAlertSeconds: number;
  workingHours: WorkingHours;
  /** Shown to visitors while the team is away; null for the widget's own text. */
  awayMessage: string | null;
  /** How long closed conversations and page views are kept; both null (kept) by default. */
  retention: RetentionSettings;
  /** What visitors may attach; operators' uploads are not bound by it. */
  attachments: AttachmentSettings;
  /** When it was archived: the widget is then refused everywhere; its conversations stay. */
  archivedAt: string | null;
  createdAt: string;
}

/** What a caller sets; the secret is generated on first save and kept on later ones. */
export type SiteInput = Pick<Site, 'id' | 'name' | 'allowedOrigins'> & Partial<Pick<Site, 'requireIdentity'>>;

/** A site made by an admin: the id and the secret are the server's. */
export interface NewSite {
  name: string;
  allowedOrigins: string[];
  widget?: SiteWidgetChanges;
  queueAlertSeconds?: number;
  workingHours?: WorkingHours;
  awayMessage?: string | null;
  retention?: Partial<RetentionSettings>;
  attachments?: Partial<AttachmentSettings>;
}

/** Only the fields given change; `widget`, `retention` and `attachments` too are merged field by field. */
export interface SiteChanges {
  name?: string;
  allowedOrigins?: string[];
  widget?: SiteWidgetChanges;
  queueAlertSeconds?: number;
  workingHours?: WorkingHours;
  awayMessage?: string | null;
  retention?: Partial<RetentionSettings>;
  attachments?: Partial<AttachmentSettings>;
  archived?: boolean;
}

/** Widget fields to change; the pre-chat form's fields each on their own. */
export type SiteWidgetChanges = Partial<Omit<WidgetSettings, 'prechat'>> & {
  prechat?: Partial<WidgetSettings['prechat']>;
};

export const DEFAULT_QUEUE_ALERT_SECONDS = 120;

export const NO_RETENTION: RetentionSettings = { conversationsDays: null, pageViewsDays: null };

export const DEFAULT_WIDGET_SETTINGS: WidgetSettings = {
  color: null,
  position: 'right',
  title: null,
  greeting: null,
  locale: null,
  prechat: { name: 'off', email: 'off' },
};

export interface SiteRepository {
  get(id: string): Promise<Site | null>;
  /** Every site, by name, archived ones last. */
  list(): Promise<Site[]>;
  create(site: NewSite): Promise<Site>;
  /** The site as changed, or null when there is no such site. */
  update(id: string, changes: SiteChanges): Promise<Site | null>;
  archive(id: string): Promise<void>;
  unarchive(id: string): Promise<void>;
  /** Creates or renames a site of a known id (tests and the demo), keeping its secret. */
  save(site: SiteInput): Promise<void>;
  setRequireIdentity(id: string, required: boolean): Promise<void>;
  /** Replaces the secret and returns the new one. */
  rotateSecret(id: string): Promise<string>;
}

/** Exact match of a request's Origin against a site's list: no substrings, no wildcards. */
export function isOriginAllowed(site: Site, origin: string | undefined): boolean {
  return origin !== undefined && site.allowedOrigins.includes(origin);
}
