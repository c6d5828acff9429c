// A 5,000-message conversation: only a window of it is in the DOM, scrolling up brings earlier ones, "Jump to latest"
// goes back to the newest.

import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';
import { aMessage } from '../test-fixtures.ts';

withBrowserGlobals();

async function draw(count: number) {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { MessageList } = await import('./message-list.tsx');
  const { buildTimeline } = await import('../state/timeline.ts');
  const messages = Array.from({ length: count }, (_, index) => aMessage(index + 1));
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<MessageList items={buildTimeline(messages, [], [])} emptyText="None" />, root));
  const seqs = () =>
    [...root.querySelectorAll('[data-testid="op-message"]')].map((item) => Number(item.getAttribute('data-seq')));
  const scroller = root.querySelector<HTMLElement>('.history');
  const scrollToTop = () =>
    act(() => {
      if (!scroller) return;
      scroller.scrollTop = 0;
      scroller.dispatchEvent(new Event('scroll'));
    });
  return { root, seqs, scrollToTop, act, unmount: () => act(() => render(null, root)) };
}

describe('a long conversation', () => {
  it('opens 5,000 messages with only the newest in the DOM', async () => {
    const { WINDOW_SIZE } = await import('../state/message-window.ts');
    const { seqs, root, unmount } = await draw(5000);
    expect(seqs()).toHaveLength(WINDOW_SIZE);
    expect(seqs().at(-1)).toBe(5000);
    expect(seqs()[0]).toBe(5000 - WINDOW_SIZE + 1);
    expect(root.querySelector('[data-testid="op-jump-latest"]')).toBeNull();
    unmount();
  });

  it('adds earlier messages on scrolling up, never more than the bound, and jumps back to the latest', async () => {
    const { WINDOW_MAX, WINDOW_SIZE, WINDOW_STEP } = await import('../state/message-window.ts');
    const { seqs, root, scrollToTop, act, unmount } = await draw(5000);
    scrollToTop();
    expect(seqs()).toHaveLength(WINDOW_SIZE + WINDOW_STEP);
    expect(seqs().at(-1)).toBe(5000);
    for (let step = 0; step < 10; step++) scrollToTop();
    expect(seqs().length).toBeLessThanOrEqual(WINDOW_MAX);
    // Always one run of consecutive messages.
    expect(seqs().every((seq, index, all) => index === 0 || seq === (all[index - 1] ?? 0) + 1)).toBe(true);
    const jump = root.querySelector<HTMLButtonElement>('[data-testid="op-jump-latest"]');
    const hidden = 5000 - (seqs().at(-1) ?? 0);
    expect(hidden).toBeGreaterThan(0);
    expect(jump?.textContent).toBe(`Jump to latest (${hidden} more)`);

    act(() => jump?.click());
    expect(seqs()).toHaveLength(WINDOW_SIZE);
    expect(seqs().at(-1)).toBe(5000);
    expect(root.querySelector('[data-testid="op-jump-latest"]')).toBeNull();
    unmount();
  });

  it('goes back to the newest when the operator sends, wherever they had scrolled to', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { MessageList } = await import('./message-list.tsx');
    const { buildTimeline } = await import('../state/timeline.ts');
    const messages = Array.from({ length: 1000 }, (_, index) => aMessage(index + 1));
    const root = document.createElement('div');
    document.body.append(root);
    const draw = (items: ReturnType<typeof buildTimeline>) =>
      act(() => render(<MessageList items={items} emptyText="None" />, root));
    draw(buildTimeline(messages, [], []));
    const scroller = root.querySelector<HTMLElement>('.history');
    for (let step = 0; step < 10; step++) {
      act(() => {
        if (!scroller) return;
        scroller.scrollTop = 0;
        scroller.dispatchEvent(new Event('scroll'));
      });
    }
    expect(root.querySelector('[data-testid="op-jump-latest"]')).not.toBeNull();
    expect(root.querySelector('[data-seq="1000"]')).toBeNull();

    const sending = {
      frameId: 'f1',
      conversationId: 'c1',
      clientId: 'k1',
      body: 'On its way',
      visibility: 'public' as const,
      status: 'sending' as const,
      error: null,
      createdAt: '2030-01-01T13:00:00.000Z',
    };
    draw(buildTimeline(messages, [], [sending]));
    expect(root.querySelector('[data-seq="1000"]')).not.toBeNull();
    expect(root.querySelector('[data-pending="sending"]')?.textContent).toContain('On its way');
    expect(root.querySelector('[data-testid="op-jump-latest"]')).toBeNull();
    act(() => render(null, root));
  });

  it('draws a short conversation whole', async () => {
    const { seqs, unmount } = await draw(12);
    expect(seqs()).toEqual(Array.from({ length: 12 }, (_, index) => index + 1));
    unmount();
  });
});
