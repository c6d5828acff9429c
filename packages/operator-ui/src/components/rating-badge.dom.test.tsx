// The visitor's rating as operators see it: absent until given, then on the resolved row and the conversation, live.

import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';
import { aConversation } from '../test-fixtures.ts';

withBrowserGlobals();

describe("the visitor's rating", () => {
  it('appears on a resolved row when `conversation.updated` brings it, with the comment in full beside the badge', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { workspace } = await import('../state/live.ts');
    const { ConversationRow } = await import('./list/conversation-row.tsx');
    const { ConversationRatingNote } = await import('./rating-badge.tsx');
    const root = document.createElement('div');
    document.body.append(root);
    const closed = aConversation({ id: 'r1', status: 'closed', closedAt: '2030-01-01T11:00:00.000Z' });
    workspace.applyServerFrame({ type: 'conversation.updated', conversation: closed });

    function Resolved() {
      const summary = workspace.summaryOf('r1');
      if (!summary) return null;
      return (
        <>
          <ConversationRow conversation={summary} selected={false} />
          {summary.rating && <ConversationRatingNote rating={summary.rating} />}
        </>
      );
    }
    act(() => render(<Resolved />, root));
    expect(root.querySelector('[data-testid="op-rating"]')).toBeNull();
    expect(root.querySelector('[data-testid="op-row-rating"]')).toBeNull();

    const rating = {
      value: 'bad' as const,
      comment: 'Nobody answered\nfor an hour.',
      createdAt: '2030-01-01T11:05:00.000Z',
    };
    act(() => workspace.applyServerFrame({ type: 'conversation.updated', conversation: { ...closed, rating } }));

    const note = root.querySelector('[data-testid="op-rating"]');
    expect(note?.getAttribute('data-rating')).toBe('bad');
    expect(note?.textContent).toContain('Bad');
    expect(note?.querySelector('q')?.textContent).toBe('Nobody answered for an hour.');
    const tag = root.querySelector('[data-testid="op-row-rating"]');
    expect(tag?.textContent).toBe('Bad');
    expect(tag?.getAttribute('title')).toBe('Rated bad: Nobody answered for an hour.');
    act(() => render(null, root));
  });

  it('shows no comment when the visitor left none', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { ConversationRatingNote } = await import('./rating-badge.tsx');
    const root = document.createElement('div');
    act(() =>
      render(
        <ConversationRatingNote rating={{ value: 'good', comment: null, createdAt: '2030-01-01T11:05:00Z' }} />,
        root,
      ),
    );
    expect(root.textContent).toBe("Visitor's ratingGood");
    expect(root.querySelector('q')).toBeNull();
  });
});
