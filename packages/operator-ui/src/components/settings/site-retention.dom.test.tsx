// Settings → Sites: retention fields show what is stored (empty = keep), send only a change, and refuse bad days.

import type { SiteDetails, SiteUpdate } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../../test-dom.ts';
import { aSite } from '../../test-fixtures.ts';

withBrowserGlobals();

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function draw(site: SiteDetails) {
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
      return {
        site: {
          ...site,
          retention: {
            conversationsDays: input.retention?.conversationsDays ?? site.retention.conversationsDays,
            pageViewsDays:
              input.retention && 'pageViewsDays' in input.retention
                ? (input.retention.pageViewsDays ?? null)
                : site.retention.pageViewsDays,
          },
        },
      };
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
  const save = () =>
    act(async () => {
      root.querySelector<HTMLButtonElement>('[data-testid="op-site-save"]')?.click();
      await settle();
    });
  return { root, field, type, save, sent, act, unmount: () => act(() => render(null, root)) };
}

describe('a site’s retention', () => {
  it('shows what is stored, empty for keep, and sends only the field that changed', async () => {
    const { field, type, save, sent, root, unmount } = await draw(
      aSite({ retention: { conversationsDays: 90, pageViewsDays: null } }),
    );
    expect(field('op-site-retention-conversations')?.value).toBe('90');
    expect(field('op-site-retention-pageviews')?.value).toBe('');
    expect(field('op-site-retention-pageviews')?.placeholder).toBe('Keep');

    await save();
    expect(sent[0]?.retention).toBeUndefined();

    type('op-site-retention-pageviews', '30');
    await save();
    expect(sent[1]?.retention).toEqual({ pageViewsDays: 30 });
    expect(root.querySelector('[data-testid="op-site-saved"]')).not.toBeNull();
    expect(field('op-site-retention-pageviews')?.value).toBe('30');
    unmount();
  });

  it('turns retention off with an empty field', async () => {
    const { type, save, sent, unmount } = await draw(
      aSite({ retention: { conversationsDays: 90, pageViewsDays: 30 } }),
    );
    type('op-site-retention-conversations', '');
    await save();
    expect(sent[0]?.retention).toEqual({ conversationsDays: null });
    unmount();
  });

  it('refuses days out of range, and sends nothing', async () => {
    const { type, save, sent, root, act, unmount } = await draw(aSite());
    type('op-site-retention-conversations', '0');
    type('op-site-retention-pageviews', '4000');
    await save();
    expect(sent).toEqual([]);
    // Past the browser's own check of min and max (which stops the click above), the form says why.
    await act(async () => {
      root.querySelector('form')?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
      await settle();
    });
    expect(sent).toEqual([]);
    expect(root.querySelector('[data-testid="op-site-error"]')?.textContent).toBe(
      'Retention of conversations and page views must be a whole number of days from 1 to 3650, or empty to keep.',
    );
    unmount();
  });
});
