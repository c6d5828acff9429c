// A field for choosing a password, with the minimum length said beside it rather than only on refusal.

import { MIN_PASSWORD_LENGTH } from '@livechat/protocol';
import { TextField } from './field.tsx';

export function NewPasswordField({
  label = 'Password',
  value,
  onInput,
  testId,
  required = true,
}: {
  label?: string;
  value: string;
  onInput: (value: string) => void;
  testId: string;
  required?: boolean;
}) {
  return (
    <TextField
      label={label}
      hint={
        <>
          At least {MIN_PASSWORD_LENGTH} characters.{required ? '' : ' Leave it empty to keep the current one.'}
        </>
      }
      type="password"
      autoComplete="new-password"
      minLength={MIN_PASSWORD_LENGTH}
      required={required}
      value={value}
      onInput={(event) => onInput(event.currentTarget.value)}
      data-testid={testId}
    />
  );
}
