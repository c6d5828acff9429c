// The pre-chat form of one site: whether the widget asks the visitor's name and email before the first message.

import type { PrechatFieldMode, PrechatForm } from '@livechat/protocol';
import { Field } from '../field.tsx';

const MODES: Array<{ value: PrechatFieldMode; label: string }> = [
  { value: 'off', label: 'Not asked' },
  { value: 'optional', label: 'Optional' },
  { value: 'required', label: 'Required' },
];

const FIELDS: Array<{ key: keyof PrechatForm; label: string }> = [
  { key: 'name', label: 'Name' },
  { key: 'email', label: 'Email' },
];

const isMode = (value: string): value is PrechatFieldMode => MODES.some((mode) => mode.value === value);

export function SitePrechatFields({ form, onChange }: { form: PrechatForm; onChange: (form: PrechatForm) => void }) {
  return (
    <fieldset class="site-form__group" data-testid="op-site-prechat">
      <legend class="site-form__legend">Pre-chat form</legend>
      <p class="settings-card__lead">
        Asked before the visitor's first message. A required field must be filled in before they can write.
      </p>
      <div class="site-form__row">
        {FIELDS.map((field) => (
          <Field key={field.key} label={field.label}>
            {(control) => (
              <select
                class="field__input"
                {...control}
                value={form[field.key]}
                onChange={(event) => {
                  const value = event.currentTarget.value;
                  if (isMode(value)) onChange({ ...form, [field.key]: value });
                }}
                data-testid={`op-site-prechat-${field.key}`}
              >
                {MODES.map((mode) => (
                  <option key={mode.value} value={mode.value}>
                    {mode.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
