// Ten thousand conversations drawn as a window: the DOM holds only the rows in view and a margin, wherever one scrolls.

import type { ConversationSummary } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';
import { aConversation } from '../test-fixtures.ts';

withBrowserGlobals();

function conversations(count: number): ConversationSummary[] {
  const start = Date.UTC(2030, 0, 1);
  return Array.from({ length: count }, (_, index) =>
    aConversation({
      id: `c${index}`,
      visitor: { id: `v${index}`, name: `Visitor ${index}`, email: null },
      updatedAt: new Date(start - index * 60_000).toISOString(),
    }),
  );
}

describe('the conversation list', () => {
  it('keeps only a window of 10,000 rows in the DOM, and moves it as the list scrolls', async () => {
    // The UI's modules read the browser's globals as they load: import them once those exist.
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { ConversationRows } = await import('./conversation-list.tsx');
    const { CONVERSATION_ROW_HEIGHT } = await import('./list/conversation-row.tsx');
    const root = document.createElement('div');
    document.body.append(root);
    const rows = conversations(10_000);

    act(() => render(<ConversationRows rows={rows} selectedId={null} />, root));

    const drawn = () => [...root.querySelectorAll('[data-testid="op-conversation"]')];
    expect(drawn().length).toBeGreaterThan(5);
    expect(drawn().length).toBeLessThan(60);
    expect(drawn()[0]?.getAttribute('data-conversation-id')).toBe('c0');
    // The list keeps its full height, so the scrollbar stands for all 10,000.
    const list = root.querySelector<HTMLElement>('.rows__list');
    expect(list?.style.height).toBe(`${10_000 * CONVERSATION_ROW_HEIGHT}px`);

    const scroller = root.querySelector<HTMLElement>('.rows');
    if (!scroller) throw new Error('no scroller');
    act(() => {
      scroller.scrollTop = 5_000 * CONVERSATION_ROW_HEIGHT;
      scroller.dispatchEvent(new Event('scroll'));
    });
    const ids = drawn().map((row) => row.getAttribute('data-conversation-id'));
    expect(ids.length).toBeLessThan(60);
    expect(ids).toContain('c5000');
    expect(ids).not.toContain('c0');
    act(() => render(null, root));
  });
});
