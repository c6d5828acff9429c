// Bodies of the HTTP API for when nobody answers: working hours, the team's state, the visitor's email, ratings.

/** One opening span of a weekday, in the site's time zone; `to` after `from`, both `HH:MM` (24 h). */
export interface OpeningSpan {
  /** 0 = Sunday … 6 = Saturday, as `Date.getDay()`. */
  day: number;
  from: string;
  to: string;
}

/** `spans` null: open always (the default). An empty list: never open (always away). */
export interface WorkingHours {
  /** An IANA zone, e.g. `Europe/Paris`. */
  timeZone: string;
  spans: OpeningSpan[] | null;
}

/**
 * GET /api/sites/:siteId/availability → 200, CORS for the site's origins (the same refusals as the other
 * visitor routes). `online`: within working hours and at least one operator online (not away).
 */
export interface TeamAvailability {
  state: 'online' | 'away';
  /** Why away; null when online. */
  reason: 'outside_hours' | 'nobody_online' | null;
  /** Initials of the online operators (at most 5), e.g. `AM`. */
  operators: string[];
  /** Median time to the first operator reply over the site's conversations of the last 7 days; null without data. */
  medianFirstResponseSeconds: number | null;
  /** The site's away message; null for the widget's default text. */
  awayMessage: string | null;
}

/**
 * POST /api/sites/:siteId/contact-email { email } (bearer token) → 204. The visitor leaves an email to be
 * reached at; a malformed one → 400 `bad_request`. Operators see it on the visitor at once.
 */
export interface ContactEmailInput {
  email: string;
}

export type RatingValue = 'good' | 'okay' | 'bad';

/**
 * POST /api/sites/:siteId/conversations/:conversationId/rating { value, comment? } (bearer token) → 204.
 * Only the visitor's own conversation, once it is closed; rating again replaces it. Comment ≤ 1,000 chars.
 * Operators get `conversation.updated` with the rating.
 */
export interface RatingInput {
  value: RatingValue;
  comment?: string;
}

export interface ConversationRating {
  value: RatingValue;
  comment: string | null;
  createdAt: string;
}

/**
 * POST /api/sites/:siteId/contact { name?, email? } (bearer token) → 204: what the pre-chat form asked.
 * At least one field; name ≤ 100 chars; a malformed email → 400 `bad_request`. Operators see it at once.
 */
export interface ContactDetailsInput {
  name?: string;
  email?: string;
}

/** A pre-chat form field: not asked, asked, or needed before the visitor can write. */
export type PrechatFieldMode = 'off' | 'optional' | 'required';

/** The optional form before a visitor's first message (a site's widget settings); both `off` by default. */
export interface PrechatForm {
  name: PrechatFieldMode;
  email: PrechatFieldMode;
}

/**
 * POST /api/sites/:siteId/conversation-link { token } → 200 ConversationLink, CORS for the site's origins.
 * The token comes from a reply email's link (`#livechat=TOKEN` on the visitor's last page): signed, scoped to
 * one conversation, valid 30 days. The answer is a visitor token for that conversation's visitor, so the
 * widget opens on it on any device. A forged, expired or unknown token → 410 `token_invalid` saying which.
 */
export interface ConversationLinkInput {
  token: string;
}
export interface ConversationLink {
  visitorId: string;
  token: string;
  conversationId: string;
}

/**
 * POST /api/sites/:siteId/transcript { conversationId, email? } (bearer token) → 202: the conversation's
 * public messages (never notes, commands or their results) go by email. Only the visitor's own
 * conversation (another → 404 `not_found`); `email` absent uses the visitor's known email (none known →
 * 400 `bad_request`); a given email is also kept as the visitor's. More than 5 an hour for one visitor →
 * 429 `rate_limited` (the visitor picks the address and wrote part of the text).
 */
export interface TranscriptRequest {
  conversationId: string;
  email?: string;
}
