// Settings → Sites → Attachments: the stored limits shown in MB and as ticks, only a change sent, bad sizes refused
// here, and the server's refusal shown at the field.

import type { SiteDetails, SiteUpdate } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../../test-dom.ts';
import { aSite } from '../../test-fixtures.ts';

withBrowserGlobals();

const MB = 1024 * 1024;
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function draw(site: SiteDetails, refusal: Error | null = null) {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { SiteEditor } = await import('./site-editor.tsx');
  const root = document.createElement('div');
  document.body.append(root);
  const sent: SiteUpdate[] = [];
  const api = {
    create: async () => ({ site }),
    update: async (_id: string, input: SiteUpdate) => {
      sent.push(input);
      if (refusal) throw refusal;
      return { site: { ...site, attachments: { ...site.attachments, ...input.attachments } } };
    },
  };
  act(() => render(<SiteEditor site={site} onSaved={() => undefined} onClose={() => undefined} api={api} />, root));
  const field = (id: string) => root.querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
  const type = (id: string, text: string) =>
    act(() => {
      const input = field(id);
      if (!input) throw new Error(`no ${id}`);
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  const tick = (id: string, on: boolean) =>
    act(() => {
      const box = field(id);
      if (!box) throw new Error(`no ${id}`);
      box.checked = on;
      box.dispatchEvent(new Event('change', { bubbles: true }));
    });
  // The form's own submit, past the browser's check of min and max, so that the form's words are tested.
  const save = () =>
    act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await settle();
    });
  const ticked = () =>
    ['image', 'pdf', 'text', 'office'].filter((kind) => field(`op-site-attachments-${kind}`)?.checked);
  return { root, field, type, tick, save, sent, ticked, unmount: () => act(() => render(null, root)) };
}

describe('a site’s attachments', () => {
  it('shows the stored size in MB with a decimal and the kinds ticked, and sends only what changed', async () => {
    const { field, type, tick, save, sent, ticked, root, unmount } = await draw(
      aSite({ attachments: { maxBytes: 2.5 * MB, kinds: ['image', 'pdf'] } }),
    );
    expect(field('op-site-attachments-max')?.value).toBe('2.5');
    expect(ticked()).toEqual(['image', 'pdf']);

    await save();
    expect(sent[0]?.attachments).toBeUndefined();

    type('op-site-attachments-max', '12.5');
    tick('op-site-attachments-office', true);
    await save();
    expect(sent[1]?.attachments).toEqual({ maxBytes: 12.5 * MB, kinds: ['image', 'pdf', 'office'] });
    expect(root.querySelector('[data-testid="op-site-saved"]')).not.toBeNull();
    expect(field('op-site-attachments-max')?.value).toBe('12.5');
    unmount();
  });

  it('turns attachments off when no kind is ticked, and says so', async () => {
    const { tick, save, sent, root, unmount } = await draw(
      aSite({ attachments: { maxBytes: 10 * MB, kinds: ['pdf'] } }),
    );
    expect(root.querySelector('[data-testid="op-site-attachments-off"]')).toBeNull();
    tick('op-site-attachments-pdf', false);
    expect(root.querySelector('[data-testid="op-site-attachments-off"]')?.textContent).toBe(
      'No kind ticked: visitors of this site cannot attach files.',
    );
    await save();
    expect(sent[0]?.attachments).toEqual({ kinds: [] });
    unmount();
  });

  it('refuses a size over 25 MB at the field, and sends nothing', async () => {
    const { type, save, sent, field, root, unmount } = await draw(aSite());
    type('op-site-attachments-max', '40');
    await save();
    expect(sent).toEqual([]);
    expect(root.querySelector('[data-testid="op-site-attachments-error"]')?.textContent).toBe(
      'The largest file must be a number of MB from 0.001 to 25.',
    );
    expect(field('op-site-attachments-max')?.getAttribute('aria-invalid')).toBe('true');
    unmount();
  });

  it('shows the server’s refusal beside the field', async () => {
    const { ApiError } = await import('../../transport/http.ts');
    const refusal = new ApiError(400, 'bad_request', 'attachments.kinds: each kind at most once');
    const { tick, save, root, unmount } = await draw(aSite(), refusal);
    tick('op-site-attachments-text', false);
    await save();
    expect(root.querySelector('[data-testid="op-site-attachments-error"]')?.textContent).toBe(
      'attachments.kinds: each kind at most once',
    );
    expect(root.querySelector('[data-testid="op-site-error"]')).toBeNull();
    unmount();
  });
});
