// Validation of the identity and attribute bodies the widget sends, applied once at the HTTP edge.

import type { AttributesInput, IdentifyInput } from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';

export const MAX_ATTRIBUTES = 50;
export const MAX_ATTRIBUTE_VALUE_LENGTH = 500;

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `at most ${max} characters`)
    .transform((value) => value || undefined);

export const identifySchema: z.ZodType<IdentifyInput> = z.strictObject({
  id: z.string().min(1, 'must not be empty').max(200, 'at most 200 characters'),
  name: text(100).optional(),
  email: z.email('not an email address').max(254).optional(),
  hash: z.string().max(128).optional(),
}) as z.ZodType<IdentifyInput>;

/** Keys start with a letter, so nothing like `__proto__` or `constructor` slips through. */
const attributeKey = z.string().regex(/^[A-Za-z][\w.-]{0,49}$/, 'a letter, then up to 49 letters, digits, _ . -');

export const attributesSchema: z.ZodType<AttributesInput> = z.strictObject({
  attributes: z
    .record(attributeKey, z.string().max(MAX_ATTRIBUTE_VALUE_LENGTH).nullable())
    .refine((value) => Object.keys(value).length <= MAX_ATTRIBUTES, `at most ${MAX_ATTRIBUTES} attributes`),
});
