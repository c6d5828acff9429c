// Bodies an admin sends to create and change sites, validated once at the edge.

import {
  ATTACHMENT_KINDS,
  describeOriginProblem,
  MAX_ATTACHMENT_MAX_BYTES,
  MIN_ATTACHMENT_MAX_BYTES,
  normaliseOrigins,
} from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';
import { AppError } from '../errors.ts';
import { isKnownTimeZone, minutesOf } from './working-hours.ts';

export const MAX_SITE_NAME = 100;
export const MAX_WIDGET_TITLE = 80;
export const MAX_WIDGET_GREETING = 300;
export const MAX_ORIGINS = 100;
export const MAX_AWAY_MESSAGE = 500;
/** Three spans a day (a morning, an afternoon, an evening) for the whole week. */
export const MAX_OPENING_SPANS = 21;

/** Optional text of the widget: blank means the locale's default (null). */
const defaultableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((text) => (text === '' ? null : text))
    .nullable()
    .optional();

const prechatField = z.enum(['off', 'optional', 'required'], 'off, optional or required').optional();

/** Each field of the pre-chat form on its own: a field left out keeps its setting. */
const prechatSchema = z.strictObject({ name: prechatField, email: prechatField });

const widgetSchema = z.strictObject({
  color: z
    .string()
    .regex(/^#([0-9a-f]{3}|[0-9a-f]{6})$/i, 'a colour is #rgb or #rrggbb')
    .transform((color) => color.toLowerCase())
    .nullable()
    .optional(),
  position: z.enum(['left', 'right'], 'left or right').optional(),
  title: defaultableText(MAX_WIDGET_TITLE),
  greeting: defaultableText(MAX_WIDGET_GREETING),
  locale: z.enum(['en', 'fr', 'ar'], 'en, fr, ar or null (the page’s language)').nullable().optional(),
  prechat: prechatSchema.optional(),
});

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'a time is HH:MM, 00:00 to 24:00');

const openingSpan = z
  .strictObject({
    day: z.number().int('a whole day number').min(0, '0 (Sunday) to 6 (Saturday)').max(6, '0 (Sunday) to 6 (Saturday)'),
    from: time,
    to: time,
  })
  .refine((span) => minutesOf(span.from) < minutesOf(span.to), {
    message: 'a span ends after it starts',
    path: ['to'],
  });

const workingHours = z.strictObject({
  timeZone: z.string().max(64).refine(isKnownTimeZone, 'not a known time zone (an IANA name such as Europe/Paris)'),
  spans: z.array(openingSpan).max(MAX_OPENING_SPANS, `at most ${MAX_OPENING_SPANS} spans`).nullable(),
});

const name = z.string().trim().min(1, 'a site needs a name').max(MAX_SITE_NAME, `at most ${MAX_SITE_NAME} characters`);
/** Lines as typed; normalised by allowedOrigins() below, which names the wrong ones. */
const origins = z
  .array(z.string().max(2048, 'an origin is shorter'))
  .max(MAX_ORIGINS, `at most ${MAX_ORIGINS} origins`);

/** 30–3600 for admins; the lower bound is the server's (queueAlertMinSeconds), checked by queueAlertSeconds(). */
const queueAlert = z.number().int('a whole number of seconds').max(3600, 'at most 3600 seconds').optional();

const retentionDays = z
  .number()
  .int('a whole number of days')
  .min(1, 'at least 1 day')
  .max(3650, 'at most 3650 days (ten years)')
  .nullable()
  .optional();

/** Each limit on its own: one left out keeps its setting, null keeps the data for good. */
const retention = z.strictObject({ conversationsDays: retentionDays, pageViewsDays: retentionDays }).optional();

const maxBytes = z
  .number()
  .int('a whole number of bytes')
  .min(MIN_ATTACHMENT_MAX_BYTES, `at least ${MIN_ATTACHMENT_MAX_BYTES} bytes`)
  .max(MAX_ATTACHMENT_MAX_BYTES, `at most ${MAX_ATTACHMENT_MAX_BYTES} bytes`);

const kinds = z
  .array(z.enum(ATTACHMENT_KINDS, `each kind is one of ${ATTACHMENT_KINDS.join(', ')}`))
  .refine((list) => new Set(list).size === list.length, 'each kind at most once');

/** Each field on its own: one left out keeps its setting; no kinds turns visitors' attachments off. */
const attachments = z.strictObject({ maxBytes: maxBytes.optional(), kinds: kinds.optional() }).optional();

export const siteInputSchema = z.strictObject({
  name,
  allowedOrigins: origins,
  widget: widgetSchema.optional(),
  queueAlertSeconds: queueAlert,
  workingHours: workingHours.optional(),
  awayMessage: defaultableText(MAX_AWAY_MESSAGE),
  retention,
  attachments,
});

export const siteUpdateSchema = z.strictObject({
  name: name.optional(),
  allowedOrigins: origins.optional(),
  widget: widgetSchema.optional(),
  queueAlertSeconds: queueAlert,
  workingHours: workingHours.optional(),
  awayMessage: defaultableText(MAX_AWAY_MESSAGE),
  retention,
  attachments,
  archived: z.boolean().optional(),
});

/** The wait as given, or 400 `bad_request` below the server's shortest. */
export function queueAlertSeconds(seconds: number | undefined, min: number): number | undefined {
  if (seconds !== undefined && seconds < min) {
    throw new AppError('bad_request', `queueAlertSeconds: at least ${min} seconds`);
  }
  return seconds;
}

/** The normalised origins, or 400 `bad_origin_format` naming every wrong line. */
export function allowedOrigins(lines: readonly string[]): string[] {
  const checked = normaliseOrigins(lines);
  if (!checked.ok) throw new AppError('bad_origin_format', checked.problems.map(describeOriginProblem).join('; '));
  return checked.origins;
}
