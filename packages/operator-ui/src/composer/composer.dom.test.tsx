// The composer when the server says "too fast": the refused text is back in the box, a countdown says when, and
// Send waits until then.

import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';

withBrowserGlobals();

describe('the composer, refused for speed', () => {
  it('puts the unsent text back, says how long to wait, and sends nothing meanwhile', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { Composer } = await import('./composer.tsx');
    const { workspace } = await import('../state/live.ts');
    const root = document.createElement('div');
    document.body.append(root);
    act(() => render(<Composer conversationId="c1" />, root));
    const box = root.querySelector<HTMLTextAreaElement>('[data-testid="op-composer"]');
    expect(root.querySelector('[data-testid="op-rate-limited"]')).toBeNull();

    const send = workspace.queueSend('c1', 'Your parcel left this morning', 'public');
    act(() =>
      workspace.applyServerFrame({
        type: 'error',
        code: 'rate_limited',
        message: 'Too many messages',
        frameId: send.frameId,
        retryAfterMs: 4_000,
      }),
    );
    expect(box?.value).toBe('Your parcel left this morning');
    expect(root.querySelector('[data-testid="op-rate-limited"]')?.textContent).toBe(
      'You are sending too fast; try again in 4 s.',
    );
    expect(root.querySelector<HTMLButtonElement>('[data-testid="op-send"]')?.disabled).toBe(true);

    act(() => {
      box?.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(workspace.outbox.value).toEqual([]);
    expect(box?.value).toBe('Your parcel left this morning');

    // Once the wait is over the notice goes and Send works again.
    act(() => workspace.rateLimits.clear('c1'));
    act(() => {
      workspace.rateLimits.limit('c1', 1, null);
    });
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(root.querySelector('[data-testid="op-rate-limited"]')).toBeNull();
    expect(root.querySelector<HTMLButtonElement>('[data-testid="op-send"]')?.disabled).toBe(false);
    act(() => render(null, root));
    workspace.reset();
  });
});
