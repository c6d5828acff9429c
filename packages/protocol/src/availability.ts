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
