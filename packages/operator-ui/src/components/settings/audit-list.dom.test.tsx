// Settings → Audit log: newest first, one sentence per action with what changed, and "Load more" follows the cursor.

import type { AuditPage } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../../test-dom.ts';
import { anAuditEntry } from '../../test-fixtures.ts';

withBrowserGlobals();

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const firstPage: AuditPage = {
  entries: [
    anAuditEntry({
      id: 'a3',
      action: 'visitor.erased',
      target: { kind: 'visitor', id: 'v7', label: 'Jo' },
      details: { messages: 12 },
    }),
    anAuditEntry({ id: 'a2' }),
  ],
  nextCursor: 'after-a2',
};
const lastPage: AuditPage = {
  entries: [
    anAuditEntry({
      id: 'a1',
      actor: null,
      action: 'site.retention_changed',
      target: { kind: 'site', id: 's1', label: 'Shop' },
      details: { pageViewsDays: { before: null, after: 30 } },
    }),
  ],
  nextCursor: null,
};

async function draw(load: (cursor: string | null) => Promise<AuditPage>) {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { AuditSettings } = await import('./audit-settings.tsx');
  const root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<AuditSettings load={load} />, root);
    await settle();
  });
  const rows = () => [...root.querySelectorAll('[data-testid="op-audit-entry"]')];
  const more = () => root.querySelector<HTMLButtonElement>('[data-testid="op-audit-more"]');
  return { root, rows, more, act, unmount: () => act(() => render(null, root)) };
}

describe('the audit log', () => {
  it('shows each action as a sentence with what changed, and loads older pages by cursor', async () => {
    const asked: Array<string | null> = [];
    const { rows, more, act, unmount } = await draw(async (cursor) => {
      asked.push(cursor);
      return cursor === null ? firstPage : lastPage;
    });
    expect(rows().map((row) => row.querySelector('.audit__what')?.textContent)).toEqual([
      'Alice erased visitor Jo',
      'Alice changed the role of Bob',
    ]);
    expect(rows()[1]?.querySelector('.audit__details')?.textContent).toBe('operator → admin');
    expect(rows()[0]?.querySelector('time')?.getAttribute('datetime')).toBe('2030-01-01T12:00:00.000Z');

    await act(async () => {
      more()?.click();
      await settle();
    });
    expect(asked).toEqual([null, 'after-a2']);
    expect(rows()).toHaveLength(3);
    expect(rows()[2]?.textContent).toContain('The server changed how long Shop keeps data');
    expect(rows()[2]?.textContent).toContain('page views days: none → 30');
    expect(more()).toBeNull();
    unmount();
  });

  it('says why a page could not be loaded, keeps what was shown, and lets the operator try again', async () => {
    const { ApiError } = await import('../../transport/http.ts');
    let fail = false;
    const { root, rows, more, act, unmount } = await draw(async (cursor) => {
      if (cursor !== null && fail)
        throw new ApiError(429, 'rate_limited', 'Too many requests; try again in 3 s.', 3000);
      return cursor === null ? firstPage : lastPage;
    });
    fail = true;
    await act(async () => {
      more()?.click();
      await settle();
    });
    expect(rows()).toHaveLength(2);
    expect(root.querySelector('[data-testid="op-audit-error"]')?.textContent).toBe(
      'The audit log could not be loaded: Too many requests; try again in 3 s.',
    );
    fail = false;
    await act(async () => {
      more()?.click();
      await settle();
    });
    expect(rows()).toHaveLength(3);
    expect(root.querySelector('[data-testid="op-audit-error"]')).toBeNull();
    unmount();
  });

  it('says so when nothing was recorded', async () => {
    const { root, unmount } = await draw(async () => ({ entries: [], nextCursor: null }));
    expect(root.querySelector('[data-testid="op-audit"]')?.textContent).toContain('Nothing has been recorded yet.');
    unmount();
  });
});
