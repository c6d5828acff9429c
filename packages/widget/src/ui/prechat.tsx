// The pre-chat form before a visitor's first message: name and email as the site asks them, checked here first.

import type { ContactDetailsInput, PrechatForm } from '@livechat/protocol';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatError } from '../errors.ts';
import type { Strings } from '../i18n.ts';
import type { VisitorApi } from '../visitor-api.ts';
import { type PrechatField, prechatErrors } from './prechat-fields.ts';

export const CSS = `
.prechat{flex-direction:column;align-items:stretch;gap:10px;padding:12px 16px}
.prechat p{margin:0;font-weight:600}
.prechat label{display:flex;flex-direction:column;gap:4px;font-size:13px}
.prechat input{padding:8px 10px;border:1px solid #d1d5db;border-radius:8px;font:inherit}
.prechat [aria-invalid]{border-color:#b91c1c}
.start{padding:9px;border:0;border-radius:10px;background:var(--lc-accent,#2563eb);color:var(--lc-on-accent,#fff)}
.error{color:#b91c1c}
`;

interface PrechatProps {
  api: VisitorApi;
  form: PrechatForm;
  /** The fields to ask: turned on by the site and not known yet. */
  fields: PrechatField[];
  strings: Strings;
  onDone(given: ContactDetailsInput): void;
}

export function Prechat({ api, form, fields, strings, onDone }: PrechatProps) {
  const [errors, setErrors] = useState<Partial<Record<PrechatField, string>>>({});
  const [failure, setFailure] = useState('');
  const root = useRef<HTMLFormElement>(null);
  // The form stands where the composer would: it takes the focus the composer would have had.
  useEffect(() => root.current?.querySelector('input')?.focus(), []);

  const submit = (event: Event) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const given: ContactDetailsInput = {};
    for (const field of fields) {
      const value = `${data.get(field) ?? ''}`.trim();
      if (value) given[field] = value;
    }
    const found = prechatErrors(form, given, strings);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    if (!given.name && !given.email) return onDone(given);
    setFailure('');
    api.saveContact(given).then(
      () => onDone(given),
      (error: ChatError) => setFailure(error.code === 'network' ? strings.failed : error.message),
    );
  };

  return (
    <form class="prechat" data-testid="lc-prechat" onSubmit={submit} noValidate ref={root}>
      <p>{strings.prechatAsk}</p>
      {fields.map((field) => (
        <label>
          <span>
            {field === 'name' ? strings.nameLabel : strings.emailField}
            {form[field] === 'optional' && ` ${strings.optional}`}
          </span>
          <input
            name={field}
            type="text"
            // An email keyboard on phones, while the check (and its message) stays the widget's own.
            inputMode={field === 'email' ? 'email' : 'text'}
            autocomplete={field === 'email' ? 'email' : 'name'}
            maxLength={field === 'name' ? 100 : 254}
            required={form[field] === 'required'}
            aria-invalid={errors[field] ? true : undefined}
            aria-describedby={errors[field] ? `lc-prechat-${field}-error` : undefined}
            data-testid={`lc-prechat-${field}`}
          />
          {errors[field] && (
            <span class="error" id={`lc-prechat-${field}-error`} data-testid={`lc-prechat-${field}-error`}>
              {errors[field]}
            </span>
          )}
        </label>
      ))}
      <button class="start" type="submit" data-testid="lc-prechat-start">
        {strings.start}
      </button>
      {failure && (
        <p class="error" role="alert" data-testid="lc-prechat-error">
          {failure}
        </p>
      )}
    </form>
  );
}
