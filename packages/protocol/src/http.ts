// Request and response bodies of the HTTP API, shared by the server and its clients.

import type {
  CannedResponse,
  CommandResult,
  ConversationSummary,
  HelpdeskTeam,
  Lead,
  Message,
  ModuleSettings,
  Notification,
  NotificationPreference,
  OperatorProfile,
  PageView,
  Ticket,
  VisitorProfile,
} from './model.ts';
import type { Assignee } from './inbox.ts';

/** POST /api/sites/:siteId/visitors → 201 */
export interface VisitorCreated {
  visitorId: string;
  /** Secret bearer token; the widget keeps it and sends it back as `Authorization: Bearer`. */
  token: string;
}

/** POST /api/sites/:siteId/page-views (bearer token) → 204 */
export interface PageViewInput {
  url: string;
  title?: string;
  referrer?: string;
}

/** POST /api/sites/:siteId/identify (bearer token) → 200; a wrong or missing hash → 403 identity_invalid */
export interface IdentifyInput {
  /** The site's own user id. */
  id: string;
  name?: string;
  email?: string;
  /** HMAC-SHA256(site secret, id), hex, computed by the site's backend. */
  hash?: string;
}
export interface IdentifyResult {
  visitorId: string;
  /** A new token when the contact lives on another visitor (another device got there first): use it from now on. */
  token: string | null;
  /** True when the hash was checked: only then is the visitor the same contact on every device. */
  verified: boolean;
}

/** POST /api/sites/:siteId/attributes (bearer token) → 204; null removes an attribute */
export interface AttributesInput {
  attributes: Record<string, string | null>;
}

/** POST /api/sites/:siteId/logout (bearer token) → 204: the token stops working. */

/** GET /api/sites/:siteId/conversation (bearer token) → 200 */
export interface VisitorTranscript {
  conversation: { id: string; lastSeq: number } | null;
  messages: Message[];
}

/** POST /api/operator/login → 200, sets the session cookie */
export interface LoginInput {
  email: string;
  password: string;
}
export interface LoginResult {
  operator: OperatorProfile;
}

/** GET /api/operator/conversations → 200 */
export interface ConversationList {
  conversations: ConversationSummary[];
}

/** GET /api/operator/conversations/:id/messages?afterSeq=N → 200 */
export interface MessageList {
  messages: Message[];
  lastSeq: number;
}

/** GET /api/operator/visitors/:visitorId/page-views?limit=N → 200, newest first */
export interface PageViewList {
  pageViews: PageView[];
}

/** GET /api/operator/visitors/:visitorId → 200 */
export interface VisitorDetails {
  visitor: VisitorProfile;
}

/** GET and PUT /api/operator/sites/:siteId/identity (admins) → 200 */
export interface SiteIdentitySettings {
  /** 256 random bits, hex: the key the site's backend computes identify() hashes with. */
  secret: string;
  requireIdentity: boolean;
}
export interface SiteIdentityUpdate {
  requireIdentity?: boolean;
  /** Replaces the secret; hashes made with the old one stop working. */
  rotateSecret?: boolean;
}

/** GET /api/operator/operators → 200 */
export interface OperatorList {
  operators: Assignee[];
}

// ---- commands, helpdesk, CRM ---------------------------------------------------------------

/** GET /api/operator/conversations/:id/command-results → 200: this operator's results, oldest first */
export interface CommandResultList {
  results: CommandResult[];
}

/** GET /api/operator/modules → 200; PUT /api/admin/modules (admin, partial body) → 200 */
export type ModuleSettingsBody = ModuleSettings;

/** GET /api/operator/teams → 200 */
export interface TeamList {
  teams: HelpdeskTeam[];
}
/** POST /api/admin/teams → 201 { team }; PATCH /api/admin/teams/:id (partial) → 200 { team }; DELETE → 204 */
export type TeamInput = Omit<HelpdeskTeam, 'id'>;

/** GET /api/operator/tickets?q=&offset=&limit= → 200, newest first; q searches like /search_tickets */
export interface TicketList {
  tickets: Ticket[];
  total: number;
  /** Counting stopped at its cap: there are at least `total`. */
  totalCapped?: boolean;
}
/** GET /api/operator/tickets/:number → 200 */
export interface TicketDetail {
  ticket: Ticket;
}

/** GET /api/operator/leads?offset=&limit= → 200, newest first */
export interface LeadList {
  leads: Lead[];
  total: number;
}
/** GET /api/operator/leads/:id → 200 */
export interface LeadDetail {
  lead: Lead;
}

// ---- canned responses, notifications ------------------------------------------------------

/** GET /api/operator/canned-responses → 200 */
export interface CannedResponseList {
  cannedResponses: CannedResponse[];
}
/** POST /api/operator/canned-responses → 201 { cannedResponse }; PATCH …/:id (partial) → 200; DELETE → 204.
 *  Errors: 409 `conflict` (shortcut taken), 400 `bad_request` (empty, whitespace, too long). */
export interface CannedResponseInput {
  shortcut: string;
  substitution: string;
  description?: string;
}
export interface CannedResponseBody {
  cannedResponse: CannedResponse;
}

/** GET /api/operator/notifications → 200, newest first */
export interface NotificationList {
  notifications: Notification[];
  unread: number;
}
/** POST /api/operator/notifications/read { ids } or { all: true } → 200 { unread } */
export interface NotificationsReadInput {
  ids?: string[];
  all?: boolean;
}

/** PATCH /api/operator/me { notify } → 200 { operator } */
export interface PreferencesInput {
  notify: NotificationPreference;
}

/**
 * Where an outgoing email stands. `kept`: no SMTP server is configured, so it stays here for an admin to
 * read; `pending`: waiting for its (next) attempt; `sent`; `failed`: every attempt failed, an admin may retry.
 */
export type OutboxStatus = 'kept' | 'pending' | 'sent' | 'failed';
/** What an email is for. */
export type OutboxKind = 'mention' | 'invite' | 'password' | 'reply' | 'transcript';

/**
 * GET /api/admin/outbox?status= → 200, newest first: every outgoing email passes through the outbox and
 * is retried with growing waits on failure. POST /api/admin/outbox/:id/retry → 200 { email } (a failed
 * email goes back to `pending` for one more round of attempts; any other status → 409 `conflict`).
 */
export interface OutboxEmail {
  id: string;
  kind?: OutboxKind;
  to: string;
  subject: string;
  text: string;
  createdAt: string;
  status?: OutboxStatus;
  /** Attempts made so far. */
  attempts?: number;
  /** The last attempt's error, as the SMTP server or the network said it. */
  lastError?: string | null;
  /** When the next attempt is due while `pending`. */
  nextAttemptAt?: string | null;
  sentAt?: string | null;
}
export interface OutboxList {
  emails: OutboxEmail[];
}
export interface OutboxEmailBody {
  email: OutboxEmail;
}
