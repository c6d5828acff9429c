// What the "My account" form sends, and the order of the team list.

import type { TeamMember } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { profileChange, sortMembers, upsertMember } from './account.ts';

const me = { name: 'Ada', email: 'ada@example.com' };
const draft = (fields: Partial<{ name: string; email: string; currentPassword: string; newPassword: string }>) => ({
  name: 'Ada',
  email: 'ada@example.com',
  currentPassword: '',
  newPassword: '',
  ...fields,
});

describe('my account', () => {
  it('sends only what changed, and a name change needs no password', () => {
    expect(profileChange(me, draft({ name: ' Ada L. ' }))).toEqual({ update: { name: 'Ada L.' } });
    expect(profileChange(me, draft({}))).toEqual({ unchanged: true });
  });

  it('asks for the current password before an email or password change', () => {
    expect(profileChange(me, draft({ email: 'ada@new.example' }))).toEqual({
      problem: 'Type your current password to change your email or password.',
    });
    expect(profileChange(me, draft({ email: 'ada@new.example', currentPassword: 'old secret!' }))).toEqual({
      update: { email: 'ada@new.example', currentPassword: 'old secret!' },
    });
    expect(profileChange(me, draft({ newPassword: 'long enough pw', currentPassword: 'old' }))).toEqual({
      update: { newPassword: 'long enough pw', currentPassword: 'old' },
    });
  });

  it('refuses a short new password and empty name or email before asking the server', () => {
    expect(profileChange(me, draft({ newPassword: 'short', currentPassword: 'old' }))).toEqual({
      problem: 'The new password needs at least 10 characters.',
    });
    expect(profileChange(me, draft({ name: '  ' }))).toHaveProperty('problem');
    expect(profileChange(me, draft({ email: '' }))).toHaveProperty('problem');
  });
});

describe('team list', () => {
  const member = (id: string, name: string, status: TeamMember['status']): TeamMember => ({
    id,
    name,
    email: `${id}@example.com`,
    role: 'operator',
    notify: 'inbox',
    status,
    online: false,
    capacity: 5,
    lastSeenAt: null,
  });

  it('lists active members first, then invited, then disabled, each by name', () => {
    const sorted = sortMembers([
      member('1', 'Zoe', 'disabled'),
      member('2', 'Yan', 'invited'),
      member('3', 'Xia', 'active'),
      member('4', 'Abe', 'active'),
    ]);
    expect(sorted.map((m) => m.name)).toEqual(['Abe', 'Xia', 'Yan', 'Zoe']);
  });

  it('replaces a changed member in place of the old one', () => {
    const list = [member('1', 'Abe', 'active'), member('2', 'Bea', 'active')];
    const updated = upsertMember(list, member('1', 'Abe', 'disabled'));
    expect(updated.map((m) => [m.name, m.status])).toEqual([
      ['Bea', 'active'],
      ['Abe', 'disabled'],
    ]);
  });
});
