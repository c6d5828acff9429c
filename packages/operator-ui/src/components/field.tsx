// A form field of the operator UI: its label, the control, a hint and an error, tied together for screen readers.

import type { ComponentChildren, JSX, InputHTMLAttributes, TextareaHTMLAttributes } from 'preact';
import { useId } from 'preact/hooks';

interface FieldFrame {
  label: ComponentChildren;
  /** Said under the control and read out with it. */
  hint?: ComponentChildren;
  /** Shown under the hint as an alert, read out with the control, which is then marked invalid. */
  error?: ComponentChildren;
  errorTestId?: string;
  /** Extra classes beside `field`, for a form's own layout. */
  class?: string;
}

/** What the control itself must carry for its label, hint and error to be found. */
export interface FieldControl {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: boolean;
}

/** The frame around any control: `children` renders it with the attributes it is given. */
export function Field({
  label,
  hint,
  error,
  errorTestId,
  class: extra,
  children,
}: FieldFrame & { children: (control: FieldControl) => JSX.Element }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div class={extra ? `field ${extra}` : 'field'}>
      <label class="field__label" for={id}>
        {label}
      </label>
      {children({ id, 'aria-describedby': describedBy, ...(error ? { 'aria-invalid': true } : {}) })}
      {hint && (
        <span id={hintId} class="field__hint">
          {hint}
        </span>
      )}
      {error && (
        <div id={errorId} class="form__error" role="alert" data-testid={errorTestId}>
          {error}
        </div>
      )}
    </div>
  );
}

/** Omit over each member of a union (an input's attributes are one union member per input type). */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

type TextInputProps = OmitEach<InputHTMLAttributes<HTMLInputElement>, 'class' | 'id' | 'label'> & {
  /** Extra classes beside `field__input`. */
  inputClass?: string;
  'data-testid'?: string;
};

/** A labelled input; every other attribute (type, autoComplete, required, data-testid, ...) goes to the input. */
export function TextField({
  label,
  hint,
  error,
  errorTestId,
  class: extra,
  inputClass,
  ...input
}: FieldFrame & TextInputProps) {
  return (
    <Field label={label} hint={hint} error={error} errorTestId={errorTestId} class={extra}>
      {(control) => (
        <input class={inputClass ? `field__input ${inputClass}` : 'field__input'} {...input} {...control} />
      )}
    </Field>
  );
}

type TextAreaProps = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'class' | 'id' | 'label'> & {
  inputClass?: string;
  'data-testid'?: string;
};

/** A labelled textarea, as `TextField` is a labelled input. */
export function TextAreaField({
  label,
  hint,
  error,
  errorTestId,
  class: extra,
  inputClass,
  ...textarea
}: FieldFrame & TextAreaProps) {
  return (
    <Field label={label} hint={hint} error={error} errorTestId={errorTestId} class={extra}>
      {(control) => (
        <textarea class={inputClass ? `field__input ${inputClass}` : 'field__input'} {...textarea} {...control} />
      )}
    </Field>
  );
}
