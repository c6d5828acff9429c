// The outbox's wording: statuses, the next attempt, and a retried email replacing its row.

import { describe, expect, it } from 'vitest';
import { aOutboxEmail } from '../test-fixtures.ts';
import { replaceEmail, statusOf, untilText } from './outbox.ts';

describe('the outbox', () => {
  it('reads an email without a status as kept', () => {
    expect(statusOf(aOutboxEmail({ status: undefined }))).toBe('kept');
    expect(statusOf(aOutboxEmail({ status: 'failed' }))).toBe('failed');
  });

  it('says when the next attempt is due', () => {
    const now = Date.parse('2030-01-01T12:00:00.000Z');
    expect(untilText('2030-01-01T12:02:30.000Z', now)).toBe('in 2 min 30 s');
    expect(untilText('2030-01-01T11:59:00.000Z', now)).toBe('due now');
    expect(untilText('not a time', now)).toBe('');
  });

  it('puts a retried email in its place', () => {
    const emails = [aOutboxEmail({ id: 'a' }), aOutboxEmail({ id: 'b', status: 'failed' })];
    const retried = aOutboxEmail({ id: 'b', status: 'pending' });
    expect(replaceEmail(emails, retried).map((email) => [email.id, email.status])).toEqual([
      ['a', 'sent'],
      ['b', 'pending'],
    ]);
  });
});
