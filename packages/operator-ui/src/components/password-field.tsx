// A field for choosing a password, with the minimum length said beside it rather than only on refusal.

import { MIN_PASSWORD_LENGTH } from '@livechat/protocol';

export function NewPasswordField({
  id,
  label = 'Password',
  value,
  onInput,
  testId,
  required = true,
}: {
  id: string;
  label?: string;
  value: string;
  onInput: (value: string) => void;
  testId: string;
  required?: boolean;
}) {
  return (
    <div class="field">
      <label class="field__label" for={id}>
        {label}
      </label>
      <input
        id={id}
        class="field__input"
        type="password"
        autoComplete="new-password"
        minLength={MIN_PASSWORD_LENGTH}
        required={required}
        value={value}
        onInput={(event) => onInput(event.currentTarget.value)}
        aria-describedby={`${id}-hint`}
        data-testid={testId}
      />
      <span id={`${id}-hint`} class="field__hint">
        At least {MIN_PASSWORD_LENGTH} characters.{required ? '' : ' Leave it empty to keep the current one.'}
      </span>
    </div>
  );
}
