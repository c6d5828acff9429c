// Runtime validation of incoming frames and bodies. Server-side only: clients import types, not this.

import { z } from 'zod';
import { MAX_ATTACHMENTS_PER_MESSAGE } from './attachments.ts';
import type { ErrorCode } from './errors.ts';
import type { OperatorToServer, VisitorToServer } from './frames.ts';
import type { LoginInput, PageViewInput } from './http.ts';
import type { CannedResponseInput, NotificationsReadInput, PreferencesInput } from './http.ts';
import { MAX_BODY_LENGTH, MAX_CLIENT_ID_LENGTH, MAX_TITLE_LENGTH, MAX_URL_LENGTH } from './limits.ts';

const clientId = z
  .string()
  .min(1)
  .max(MAX_CLIENT_ID_LENGTH)
  .regex(/^[\w.:-]+$/, 'letters, digits, _ . : - only');
/** Server ids are nanoids: 21 url-safe characters. Anything else is refused before any lookup. */
export const idSchema = z.string().regex(/^[\w-]{8,40}$/, 'not a valid id');
/** A message's text, which may be empty when files go with it (they are then the message). */
const caption = z.string().max(MAX_BODY_LENGTH, `at most ${MAX_BODY_LENGTH} characters`);
const textOrFiles = (frame: { body: string; attachmentIds?: string[] | undefined }): boolean =>
  frame.body.trim().length > 0 || (frame.attachmentIds?.length ?? 0) > 0;
const EMPTY_MESSAGE = { message: 'must not be empty', path: ['body'] };
const seq = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

const attachmentIds = z
  .array(idSchema)
  .max(MAX_ATTACHMENTS_PER_MESSAGE, `at most ${MAX_ATTACHMENTS_PER_MESSAGE} attachments`)
  .optional();

const ping = z.strictObject({ type: z.literal('ping'), id: clientId });

const visitorFrame = z.discriminatedUnion('type', [
  z
    .strictObject({ type: z.literal('message.send'), id: clientId, clientId, body: caption, attachmentIds })
    .refine(textOrFiles, EMPTY_MESSAGE),
  z.strictObject({ type: z.literal('typing.set'), id: clientId, active: z.boolean() }),
  z.strictObject({ type: z.literal('sync'), id: clientId, afterSeq: seq }),
  z.strictObject({ type: z.literal('conversation.end'), id: clientId }),
  z.strictObject({ type: z.literal('conversation.read'), id: clientId, seq }),
  ping,
]);

const operatorFrame = z.discriminatedUnion('type', [
  z
    .strictObject({
      type: z.literal('message.send'),
      id: clientId,
      conversationId: idSchema,
      clientId,
      body: caption,
      visibility: z.enum(['public', 'operator']).optional(),
      mentionIds: z.array(idSchema).max(20).optional(),
      cannedIds: z.array(idSchema).max(20).optional(),
      attachmentIds,
    })
    .refine(textOrFiles, EMPTY_MESSAGE),
  z.strictObject({ type: z.literal('typing.set'), id: clientId, conversationId: idSchema, active: z.boolean() }),
  z.strictObject({ type: z.literal('sync'), id: clientId, conversationId: idSchema, afterSeq: seq }),
  z.strictObject({ type: z.literal('conversation.read'), id: clientId, conversationId: idSchema, seq }),
  z.strictObject({
    type: z.literal('command.run'),
    id: clientId,
    conversationId: idSchema,
    name: z.string().min(1).max(64),
    args: z.string().max(MAX_BODY_LENGTH),
  }),
  ping,
]);

const VISITOR_TYPES = new Set(['message.send', 'typing.set', 'sync', 'conversation.end', 'conversation.read', 'ping']);
const OPERATOR_TYPES = new Set(['message.send', 'typing.set', 'sync', 'conversation.read', 'command.run', 'ping']);

export type ParseResult<T> =
  | { ok: true; frame: T }
  | { ok: false; code: ErrorCode; message: string; frameId: string | null };

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'frame'}: ${issue.message}`)
    .join('; ');
}

function parseWith<T>(raw: string, schema: z.ZodType<T>, types: Set<string>): ParseResult<T> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, code: 'bad_json', message: 'frame is not valid JSON', frameId: null };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, code: 'bad_frame', message: 'frame must be a JSON object', frameId: null };
  }
  const record = value as Record<string, unknown>;
  const frameId = typeof record.id === 'string' && record.id.length <= MAX_CLIENT_ID_LENGTH ? record.id : null;
  if (typeof record.type !== 'string' || !types.has(record.type)) {
    // Never String() a parsed value: `{"toString":1}` has no way to become text and would throw.
    const shown = typeof record.type === 'string' ? record.type.slice(0, 40) : `a value of type ${typeof record.type}`;
    return { ok: false, code: 'unknown_type', message: `unknown frame type: ${shown}`, frameId };
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const idIssue = parsed.error.issues.some((issue) => issue.path.at(-1) === 'conversationId');
    return { ok: false, code: idIssue ? 'invalid_id' : 'bad_frame', message: describe(parsed.error), frameId };
  }
  return { ok: true, frame: parsed.data };
}

export function parseVisitorFrame(raw: string): ParseResult<VisitorToServer> {
  return parseWith(raw, visitorFrame, VISITOR_TYPES);
}

export function parseOperatorFrame(raw: string): ParseResult<OperatorToServer> {
  return parseWith(raw, operatorFrame, OPERATOR_TYPES);
}

// ---- HTTP bodies -----------------------------------------------------------------------------

export const loginSchema: z.ZodType<LoginInput> = z.strictObject({
  email: z.string().min(3).max(254),
  password: z.string().min(1).max(1024),
});

const httpUrl = z
  .string()
  .max(MAX_URL_LENGTH)
  .refine((text) => /^https?:\/\//i.test(text) && URL.canParse(text), 'must be an http(s) URL');

export const pageViewSchema: z.ZodType<PageViewInput> = z.strictObject({
  url: httpUrl,
  title: z.string().max(MAX_TITLE_LENGTH).optional(),
  referrer: z.union([httpUrl, z.literal('')]).optional(),
});

// ---- canned responses, notifications, preferences ---------------------------------------------

export const MAX_SHORTCUT_LENGTH = 32;
export const MAX_DESCRIPTION_LENGTH = 200;

const shortcut = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_SHORTCUT_LENGTH, `at most ${MAX_SHORTCUT_LENGTH} characters`)
  .refine((text) => !/\s/u.test(text), 'must not contain spaces or line breaks')
  .refine((text) => !text.startsWith(':'), "write it without the leading ':'");
// A substitution goes into a message, so it can be no longer than one.
const substitution = z
  .string()
  .max(MAX_BODY_LENGTH, `at most ${MAX_BODY_LENGTH} characters`)
  .refine((text) => text.trim().length > 0, 'must not be empty');
const description = z.string().max(MAX_DESCRIPTION_LENGTH, `at most ${MAX_DESCRIPTION_LENGTH} characters`);

export const cannedResponseSchema: z.ZodType<CannedResponseInput> = z.strictObject({
  shortcut,
  substitution,
  description: description.optional(),
});

export const cannedResponsePatchSchema: z.ZodType<Partial<CannedResponseInput>> = z
  .strictObject({
    shortcut: shortcut.optional(),
    substitution: substitution.optional(),
    description: description.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), 'change at least one field');

export const notificationsReadSchema: z.ZodType<NotificationsReadInput> = z
  .strictObject({ ids: z.array(idSchema).min(1).max(500).optional(), all: z.literal(true).optional() })
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), 'give either ids or all: true');

export const preferencesSchema: z.ZodType<PreferencesInput> = z.strictObject({ notify: z.enum(['inbox', 'email']) });

export { z };
