// Parts loaded on first use: each place that shows one shows it once its chunk has come, however the
// chunk's arrival falls between a render and that render's effects.

import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';

withBrowserGlobals();

/** A chunk that arrives when the test says so. */
function chunk() {
  let arrive = () => {};
  const fetched = new Promise<void>((resolve) => (arrive = resolve));
  const Part = ({ label }: { label: string }) => <span data-testid="part">{label}</span>;
  return { arrive, fetch: () => fetched.then(() => ({ component: Part })) };
}

/** Lets the chunk's promise settle and the effects and renders that wait for a frame run. */
const frame = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('a lazily loaded part', () => {
  it('shows in a place drawn just before its chunk came, whose effect ran just after', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { lazy } = await import('./lazy.tsx');
    const root = document.createElement('div');
    document.body.append(root);
    const { arrive, fetch } = chunk();
    const Lazy = lazy(fetch);
    // The first place asks for the chunk.
    act(() => render(<Lazy label="first" />, root));
    // The second place is drawn while the chunk is still on its way; its effect waits for the next frame.
    render(
      <>
        <Lazy label="first" />
        <Lazy label="second" />
      </>,
      root,
    );
    // The chunk arrives before that frame.
    arrive();
    await frame();
    await frame();
    const shown = [...root.querySelectorAll('[data-testid="part"]')].map((part) => part.textContent);
    expect(shown).toEqual(['first', 'second']);
  });

  it('shows at once where it is drawn after its chunk came', async () => {
    const { render } = await import('preact');
    const { act } = await import('preact/test-utils');
    const { lazy } = await import('./lazy.tsx');
    const root = document.createElement('div');
    document.body.append(root);
    const { arrive, fetch } = chunk();
    const Lazy = lazy(fetch);
    act(() => render(<Lazy label="early" />, root));
    arrive();
    await frame();
    act(() => render(<Lazy label="later" />, document.body.appendChild(document.createElement('div'))));
    expect(document.body.textContent).toContain('later');
  });
});
