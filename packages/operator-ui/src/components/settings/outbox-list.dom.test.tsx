// Settings → Outbox: each email's status, attempts, last error and next attempt; Retry on failed ones only.

import type { OutboxEmail } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../../test-dom.ts';
import { aOutboxEmail } from '../../test-fixtures.ts';

withBrowserGlobals();

const failed = aOutboxEmail({
  id: 'f1',
  to: 'jo@example.com',
  status: 'failed',
  attempts: 5,
  lastError: '550 5.1.1 mailbox unavailable',
  nextAttemptAt: null,
  sentAt: null,
});
const pending = aOutboxEmail({
  id: 'p1',
  to: 'sam@example.com',
  status: 'pending',
  attempts: 2,
  lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
  nextAttemptAt: new Date(Date.now() + 150_000).toISOString(),
  sentAt: null,
});
const sent = aOutboxEmail({ id: 's1', to: 'kim@example.com', status: 'sent', attempts: 1 });

async function draw(emails: OutboxEmail[], retry: (id: string) => Promise<OutboxEmail>) {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { OutboxList } = await import('./outbox-settings.tsx');
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<OutboxList emails={emails} retry={retry} />, root));
  const row = (id: string) =>
    [...root.querySelectorAll('[data-testid="op-outbox-row"]')].find((item) =>
      item.textContent?.includes(emails.find((email) => email.id === id)?.to ?? '?'),
    );
  return { root, row, act };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the outbox', () => {
  it('shows each email’s status, attempts, last error and next attempt, and Retry only on failed ones', async () => {
    const { root, row } = await draw([failed, pending, sent], async () => failed);
    const rows = root.querySelectorAll('[data-testid="op-outbox-row"]');
    expect([...rows].map((item) => item.getAttribute('data-status'))).toEqual(['failed', 'pending', 'sent']);

    expect(row('f1')?.querySelector('.tag')?.textContent).toBe('Failed');
    expect(row('f1')?.querySelector('.outbox__facts')?.textContent).toBe('5 attempts');
    expect(row('f1')?.querySelector('[data-testid="op-outbox-error"]')?.textContent).toBe(
      'Last error: 550 5.1.1 mailbox unavailable',
    );
    expect(row('p1')?.querySelector('.outbox__facts')?.textContent).toMatch(
      /^2 attemptsNext attempt in 2 min (2\d|30) s$/,
    );
    expect(row('p1')?.querySelector('[data-testid="op-outbox-error"]')?.textContent).toContain('ECONNREFUSED');
    expect(row('s1')?.querySelector('[data-testid="op-outbox-error"]')).toBeNull();
    expect(root.querySelectorAll('[data-testid="op-outbox-retry"]')).toHaveLength(1);
    expect(row('f1')?.querySelector('[data-testid="op-outbox-retry"]')?.textContent).toBe('Retry');
  });

  it('puts a retried email back to pending in its place, without the Retry button', async () => {
    const asked: string[] = [];
    const { row, act } = await draw([failed, sent], async (id) => {
      asked.push(id);
      return { ...failed, status: 'pending', nextAttemptAt: new Date(Date.now() + 5000).toISOString() };
    });
    await act(async () => {
      row('f1')?.querySelector<HTMLButtonElement>('[data-testid="op-outbox-retry"]')?.click();
      await settle();
    });
    expect(asked).toEqual(['f1']);
    expect(row('f1')?.getAttribute('data-status')).toBe('pending');
    expect(row('f1')?.querySelector('[data-testid="op-outbox-retry"]')).toBeNull();
  });

  it('says why a retry was refused, and keeps the email as it was', async () => {
    const { ApiError } = await import('../../transport/http.ts');
    const { row, act } = await draw([failed], async () => {
      throw new ApiError(409, 'conflict', 'only a failed email is retried');
    });
    await act(async () => {
      row('f1')?.querySelector<HTMLButtonElement>('[data-testid="op-outbox-retry"]')?.click();
      await settle();
    });
    expect(row('f1')?.getAttribute('data-status')).toBe('failed');
    expect(row('f1')?.querySelector('[role="alert"]')?.textContent).toContain('only a failed email is retried');
  });

  it('says so when there is nothing to show', async () => {
    const { root } = await draw([], async () => failed);
    expect(root.textContent).toBe('No emails here.');
  });
});
