// Which pre-chat fields to ask (those the site turned on, minus what the visitor told already) and what is wrong with the answers.

import type { ContactDetailsInput, PrechatForm } from '@livechat/protocol';
import type { Strings } from '../i18n.ts';
import { isEmail } from '../email-address.ts';

export type PrechatField = keyof PrechatForm;

export function prechatFields(form: PrechatForm, known: { name: string | null; email: string | null }): PrechatField[] {
  return (['name', 'email'] as const).filter((field) => form[field] !== 'off' && !known[field]);
}

/** The first problem with what was typed, by field, in the visitor's language; none when it can be sent. */
export function prechatErrors(
  form: PrechatForm,
  given: ContactDetailsInput,
  strings: Strings,
): Partial<Record<PrechatField, string>> {
  const errors: Partial<Record<PrechatField, string>> = {};
  if (form.name === 'required' && !given.name) errors.name = strings.required;
  if (form.email === 'required' && !given.email) errors.email = strings.required;
  else if (given.email && !isEmail(given.email)) errors.email = strings.emailInvalid;
  return errors;
}
