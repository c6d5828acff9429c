import { describe, expect, it } from 'vitest';
import { NO_PRECHAT, parsePrechat } from '../settings.ts';
import { prechatFields } from './prechat-fields.ts';

describe('the pre-chat form', () => {
  const nobody = { name: null, email: null };

  it('asks the fields the site turned on, in order', () => {
    expect(prechatFields({ name: 'required', email: 'optional' }, nobody)).toEqual(['name', 'email']);
    expect(prechatFields({ name: 'off', email: 'required' }, nobody)).toEqual(['email']);
    expect(prechatFields(NO_PRECHAT, nobody)).toEqual([]);
  });

  it('does not ask what the visitor has told already', () => {
    expect(prechatFields({ name: 'required', email: 'required' }, { name: 'Ada', email: null })).toEqual(['email']);
    expect(prechatFields({ name: 'optional', email: 'required' }, { name: 'Ada', email: 'a@b.co' })).toEqual([]);
  });

  it('reads anything unknown as off', () => {
    expect(parsePrechat({ name: 'required', email: 'always' })).toEqual({ name: 'required', email: 'off' });
    expect(parsePrechat(null)).toEqual(NO_PRECHAT);
    expect(parsePrechat('required')).toEqual(NO_PRECHAT);
  });
});
