import { describe, expect, it } from 'vitest';
import { en } from '../test-strings.ts';
import { prechatErrors } from './prechat-fields.ts';

describe('checking the pre-chat form in the widget', () => {
  const both = { name: 'required', email: 'required' } as const;

  it('needs the required fields', () => {
    expect(prechatErrors(both, {}, en)).toEqual({ name: en.required, email: en.required });
    expect(prechatErrors(both, { name: 'Ada', email: 'ada@example.com' }, en)).toEqual({});
  });

  it('refuses a malformed email, even an optional one, and lets an optional one be left out', () => {
    expect(prechatErrors(both, { name: 'Ada', email: 'ada@example' }, en)).toEqual({ email: en.emailInvalid });
    expect(prechatErrors({ name: 'off', email: 'optional' }, { email: 'not an email' }, en)).toEqual({
      email: en.emailInvalid,
    });
    expect(prechatErrors({ name: 'off', email: 'optional' }, {}, en)).toEqual({});
  });
});
