// The outbox as an admin reads it: what each status means, and when the next attempt is due.

import type { OutboxEmail, OutboxStatus } from '@livechat/protocol';
import { readableDuration } from './durations.ts';

export const OUTBOX_STATUSES: Array<{ value: OutboxStatus; label: string }> = [
  { value: 'failed', label: 'Failed' },
  { value: 'pending', label: 'Waiting to be sent' },
  { value: 'sent', label: 'Sent' },
  { value: 'kept', label: 'Kept (no SMTP server)' },
];

/** Emails from a server that predates the queue carry no status: they were all kept. */
export const statusOf = (email: OutboxEmail): OutboxStatus => email.status ?? 'kept';

export const STATUS_TAG: Record<OutboxStatus, string> = {
  failed: 'Failed',
  pending: 'Pending',
  sent: 'Sent',
  kept: 'Kept',
};

/** "in 2 min", or "due now" once the time has passed (the server sends it at its next look). */
export function untilText(iso: string, now: number): string {
  const due = Date.parse(iso);
  if (Number.isNaN(due)) return '';
  const seconds = (due - now) / 1000;
  return seconds < 1 ? 'due now' : `in ${readableDuration(seconds)}`;
}

/** Replaces one email by its new state, keeping the list's order. */
export function replaceEmail(emails: readonly OutboxEmail[], next: OutboxEmail): OutboxEmail[] {
  return emails.map((email) => (email.id === next.id ? next : email));
}
