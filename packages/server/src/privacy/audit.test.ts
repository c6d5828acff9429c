// The audit log never keeps a secret: fields named for one are dropped before an entry is written.

import { describe, expect, it } from 'vitest';
import { withoutSecrets } from './audit.ts';

describe('withoutSecrets', () => {
  it('drops fields named for secrets, whatever their case, and keeps the rest', () => {
    expect(
      withoutSecrets({
        identitySecret: 'abc',
        passwordHash: 'h',
        token: 't',
        newPassword: 'p',
        role: 'admin',
        before: ['https://a.test'],
      }),
    ).toEqual({ role: 'admin', before: ['https://a.test'] });
  });
});
