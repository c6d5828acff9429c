// Validation of the account bodies (setup, invites, links, team changes, one's own profile), at the HTTP edge.

import {
  type AcceptInput,
  type InviteInput,
  MIN_PASSWORD_LENGTH,
  type MemberUpdate,
  type ProfileUpdate,
  type SetupInput,
  type StatusInput,
  type TokenCheckInput,
} from '@livechat/protocol';
import { z } from '@livechat/protocol/validate';

export const MAX_NAME_LENGTH = 100;
const MAX_PASSWORD_LENGTH = 1024;

export const nameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MAX_NAME_LENGTH, `at most ${MAX_NAME_LENGTH} characters`);

/** One address, `local@domain`: no spaces, no display name, no list. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'at most 254 characters')
  .regex(/^[^\s@<>(),;:"]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/, {
    message: 'not a valid email address (name@example.com)',
  });

export const newPasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `a password needs at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(MAX_PASSWORD_LENGTH, `at most ${MAX_PASSWORD_LENGTH} characters`);

/** Long enough for newSecret()'s 43 characters; the route tells unknown tokens apart from malformed ones. */
const tokenSchema = z.string().max(200, 'not a link token');

const roleSchema = z.enum(['admin', 'operator']);

export const tokenCheckSchema: z.ZodType<TokenCheckInput> = z.strictObject({ token: tokenSchema });

export const setupSchema: z.ZodType<SetupInput> = z.strictObject({
  token: tokenSchema,
  name: nameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

export const acceptSchema: z.ZodType<AcceptInput> = z.strictObject({ token: tokenSchema, password: newPasswordSchema });

export const inviteSchema: z.ZodType<InviteInput> = z.strictObject({
  name: nameSchema,
  email: emailSchema,
  role: roleSchema,
});

export const memberUpdateSchema: z.ZodType<MemberUpdate> = z.strictObject({
  role: roleSchema.optional(),
  disabled: z.boolean().optional(),
  capacity: z.number().int('a whole number').min(1, 'at least 1').max(50, 'at most 50').optional(),
});

export const statusSchema: z.ZodType<StatusInput> = z.strictObject({ status: z.enum(['online', 'away']) });

export const profileUpdateSchema: z.ZodType<ProfileUpdate> = z
  .strictObject({
    name: nameSchema.optional(),
    email: emailSchema.optional(),
    notify: z.enum(['inbox', 'email']).optional(),
    currentPassword: z.string().max(MAX_PASSWORD_LENGTH).optional(),
    newPassword: newPasswordSchema.optional(),
    alerts: z
      .strictObject({ sound: z.boolean().optional(), desktop: z.boolean().optional() })
      .refine((alerts) => Object.keys(alerts).length > 0, 'give sound or desktop')
      .optional(),
  })
  .refine(
    (input) => Object.keys(input).some((key) => key !== 'currentPassword'),
    'nothing to change: give a name, email, notify, newPassword or alerts',
  );
