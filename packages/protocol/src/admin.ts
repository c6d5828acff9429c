// Bodies of the HTTP API for running the product for real: first run, the team, one's own account, sites.

import type { PrechatForm, WorkingHours } from './availability.ts';
import type { AttachmentSettings } from './attachments.ts';
import type { RetentionSettings } from './privacy.ts';
import type { AlertPreferences } from './inbox.ts';
import type { NotificationPreference, OperatorRole } from './model.ts';

/** Passwords chosen on setup, invite, reset and profile pages are at least this long. */
export const MIN_PASSWORD_LENGTH = 10;

// ---- first run -------------------------------------------------------------------------------

/**
 * GET /api/setup → 200: whether the database still has no admin. While it has none, every start
 * prints `<PUBLIC_URL or http://localhost:PORT>/operator/setup#TOKEN` to the log.
 */
export interface SetupStatus {
  needed: boolean;
}
/**
 * POST /api/setup/check { token } → 200 { ok: true }; 410 `token_invalid` with the reason and where to find the link;
 * 409 `conflict` once an admin exists.
 */
export interface TokenCheckInput {
  token: string;
}
/** POST /api/setup { token, name, email, password } → 201 LoginResult, sets the session cookie; 409 `conflict` once an admin exists. */
export interface SetupInput {
  token: string;
  name: string;
  email: string;
  password: string;
}

// ---- one-time password links (invites and resets) ----------------------------------------------

/**
 * A link `<public URL>/operator/accept#TOKEN`: an invite (valid 7 days) or a password reset (valid 24
 * hours), usable once; a newer link for the same operator replaces it. It is shown once to the admin
 * who made it, and emailed when SMTP is configured.
 */
export interface PasswordLink {
  link: string;
  expiresAt: string;
  /** True when it was handed to the SMTP server (or kept in the outbox when none is configured: false). */
  emailed: boolean;
}
/** POST /api/accept/check { token } → 200; 410 `token_invalid` when unknown, used, replaced or expired; 403 `forbidden` when the operator is disabled. */
export interface AcceptCheck {
  kind: 'invite' | 'reset';
  name: string;
  email: string;
}
/** POST /api/accept { token, password } → 200 LoginResult, sets the session cookie; the link is used up. */
export interface AcceptInput {
  token: string;
  password: string;
}

// ---- the team (admins) ---------------------------------------------------------------------------

export type MemberStatus = 'active' | 'invited' | 'disabled';

export interface TeamMember {
  id: string;
  name: string;
  email: string;
  role: OperatorRole;
  notify: NotificationPreference;
  status: MemberStatus;
  online: boolean;
  /** Open conversations the queue hands them at most (default 5). */
  capacity: number;
  /** When a socket of theirs last closed, or is open now (then equal to the time of the listing); null if never. */
  lastSeenAt: string | null;
}
/** GET /api/admin/team → 200, by name */
export interface TeamMemberList {
  members: TeamMember[];
}
/** POST /api/admin/invites → 201 InviteResult; 409 `conflict` when the email belongs to someone already. */
export interface InviteInput {
  name: string;
  email: string;
  role: OperatorRole;
}
export interface InviteResult {
  member: TeamMember;
  invite: PasswordLink;
}
/**
 * PATCH /api/admin/team/:id { role?, disabled? } → 200 { member }. Disabling ends every session of the
 * operator and closes their sockets; their conversations go back to the queue. 409 `last_admin` when
 * it would leave no active admin.
 */
export interface MemberUpdate {
  role?: OperatorRole;
  disabled?: boolean;
  /** 1–50. */
  capacity?: number;
}
export interface MemberBody {
  member: TeamMember;
}
/**
 * POST /api/admin/team/:id/password-link → 201 PasswordLink: a reset link (a new invite link for an invited
 * member); 409 `conflict` for a disabled member.
 */

// ---- one's own account ---------------------------------------------------------------------------

/**
 * PATCH /api/operator/me → 200 LoginResult. Changing the email or the password needs `currentPassword`
 * (400 `bad_request` when missing, 401 `unauthorized` when wrong); 409 `conflict` for another operator's
 * email. Other sessions of the operator end, and their sockets close, when the password changes.
 */
export interface ProfileUpdate {
  name?: string;
  email?: string;
  notify?: NotificationPreference;
  currentPassword?: string;
  newPassword?: string;
  alerts?: Partial<AlertPreferences>;
}

// ---- sites (admins) --------------------------------------------------------------------------------

export type WidgetPosition = 'left' | 'right';

/** How the widget looks on the site's pages; a `data-*` attribute on the page wins over each field. */
export interface WidgetSettings {
  /** `#rgb` or `#rrggbb`; null for the default. */
  color: string | null;
  position: WidgetPosition;
  /** Panel title; null for the locale's default. */
  title: string | null;
  /** First line the visitor sees; null for the locale's default. */
  greeting: string | null;
  /** `en`, `fr`, `ar`; null follows the page's language. */
  locale: string | null;
  /** The form before the first message; both fields `off` by default. */
  prechat: PrechatForm;
}

export interface SiteDetails {
  id: string;
  name: string;
  /** Exact origins, normalised: `scheme://host[:port]`, lower case, no default port, no trailing slash. */
  allowedOrigins: string[];
  widget: WidgetSettings;
  requireIdentity: boolean;
  /** A queued conversation waiting longer than this alerts every online operator again (default 120, 30–3600). */
  queueAlertSeconds: number;
  /** Default: always open, in UTC. */
  workingHours: WorkingHours;
  /** Shown when the team is away (≤ 500 chars); null for the widget's default text. */
  awayMessage: string | null;
  /** Off (both null) by default. */
  retention: RetentionSettings;
  /** Files visitors may attach: default 10 MB, images, PDF, text and office documents. */
  attachments: AttachmentSettings;
  archived: boolean;
  /** The two lines to paste before `</head>`, with this server's public URL and the site id. */
  snippet: string;
  createdAt: string;
}
/** GET /api/admin/sites → 200, archived last */
export interface SiteList {
  sites: SiteDetails[];
}
/**
 * POST /api/admin/sites → 201 { site }; PATCH /api/admin/sites/:id (partial; `widget` partial too) → 200 { site }.
 * An origin with a path, a query, a wildcard, user info or no scheme → 400 `bad_origin_format`, naming
 * the line. Archiving keeps every conversation; the widget then shows that chat is not available.
 */
export interface SiteInput {
  name: string;
  allowedOrigins: string[];
  widget?: Partial<WidgetSettings>;
  queueAlertSeconds?: number;
  workingHours?: WorkingHours;
  awayMessage?: string | null;
  retention?: Partial<RetentionSettings>;
  attachments?: Partial<AttachmentSettings>;
}
export interface SiteUpdate {
  name?: string;
  allowedOrigins?: string[];
  widget?: Partial<WidgetSettings>;
  queueAlertSeconds?: number;
  workingHours?: WorkingHours;
  awayMessage?: string | null;
  retention?: Partial<RetentionSettings>;
  attachments?: Partial<AttachmentSettings>;
  archived?: boolean;
}
export interface SiteBody {
  site: SiteDetails;
}
/* The identity secret stays at GET and PUT /api/operator/sites/:siteId/identity (SiteIdentitySettings). */

// ---- what the widget reads -------------------------------------------------------------------------

/**
 * GET /api/sites/:siteId/widget → 200, CORS for the site's origins. 403 `bad_origin` (this page's origin
 * is not allowed) and 404 `not_found` (no such site, or archived) carry `access-control-allow-origin`
 * too, so that the widget can read why and stop.
 */
export interface WidgetConfig {
  siteName: string;
  widget: WidgetSettings;
  /** What the visitor may attach; `kinds` empty hides the attach button. */
  attachments: AttachmentSettings;
}
