// The visitor panel's privacy actions: "Export data" downloads the JSON, "Erase visitor" asks for ERASE or the id first.

import type { VisitorErased, VisitorExport } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';

withBrowserGlobals();

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const exported: VisitorExport = {
  exportedAt: '2030-01-01T12:00:00.000Z',
  siteId: 's1',
  visitor: {
    id: 'v42',
    name: 'Jo',
    email: 'jo@example.com',
    externalId: null,
    attributes: {},
    createdAt: '2029-12-01T10:00:00.000Z',
  },
  conversations: [],
  pageViews: [],
};
const erased: VisitorErased = { visitorId: 'v42', conversations: 2, messages: 9, pageViews: 4, redactedRecords: 1 };

async function draw(api: {
  exportVisitor: (id: string) => Promise<VisitorExport>;
  eraseVisitor: (id: string, input: { confirm: string }) => Promise<VisitorErased>;
}) {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { VisitorPrivacy } = await import('./visitor-privacy.tsx');
  const root = document.createElement('div');
  document.body.append(root);
  const downloads: Array<{ fileName: string; data: unknown }> = [];
  act(() =>
    render(
      <VisitorPrivacy visitorId="v42" api={api} download={(fileName, data) => downloads.push({ fileName, data })} />,
      root,
    ),
  );
  const find = <T extends Element = HTMLElement>(id: string) =>
    root.querySelector<T & HTMLElement>(`[data-testid="${id}"]`);
  const click = (id: string) =>
    act(async () => {
      find<HTMLButtonElement>(id)?.click();
      await settle();
    });
  const type = (text: string) =>
    act(() => {
      const input = find<HTMLInputElement>('op-visitor-erase-input') as HTMLInputElement | null;
      if (!input) throw new Error('no confirmation input');
      input.value = text;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    });
  return { root, find, click, type, act, downloads, unmount: () => act(() => render(null, root)) };
}

describe('exporting a visitor’s data', () => {
  it('downloads the JSON under the visitor’s name', async () => {
    const { click, find, downloads, unmount } = await draw({
      exportVisitor: async () => exported,
      eraseVisitor: async () => erased,
    });
    await click('op-visitor-export');
    expect(downloads).toEqual([{ fileName: 'visitor-v42.json', data: exported }]);
    expect(find('op-visitor-exported')?.textContent).toBe('Downloaded visitor-v42.json.');
    unmount();
  });

  it('says why it failed', async () => {
    const { ApiError } = await import('../transport/http.ts');
    const { click, find, downloads, unmount } = await draw({
      exportVisitor: async () => {
        throw new ApiError(429, 'rate_limited', 'Too many requests; try again in 5 s.', 5000);
      },
      eraseVisitor: async () => erased,
    });
    await click('op-visitor-export');
    expect(downloads).toEqual([]);
    expect(find('op-visitor-privacy-error')?.textContent).toBe(
      'The data could not be exported: Too many requests; try again in 5 s.',
    );
    unmount();
  });
});

describe('erasing a visitor', () => {
  it('asks for ERASE or the id before anything is sent, then says what was erased', async () => {
    const asked: Array<{ id: string; confirm: string }> = [];
    const { click, find, type, unmount } = await draw({
      exportVisitor: async () => exported,
      eraseVisitor: async (id, input) => {
        asked.push({ id, confirm: input.confirm });
        return erased;
      },
    });
    await click('op-visitor-erase');
    const confirm = () => find<HTMLButtonElement>('op-visitor-erase-confirm') as HTMLButtonElement | null;
    expect(confirm()?.disabled).toBe(true);
    type('erase');
    expect(confirm()?.disabled).toBe(true);
    await click('op-visitor-erase-confirm');
    expect(asked).toEqual([]);

    type('ERASE');
    expect(confirm()?.disabled).toBe(false);
    await click('op-visitor-erase-confirm');
    expect(asked).toEqual([{ id: 'v42', confirm: 'v42' }]);
    expect(find('op-visitor-erased')?.textContent).toBe(
      'Erased: 2 conversations, 9 messages, 4 page views. 1 ticket or lead keeps a redacted reference.',
    );
    expect(find('op-visitor-erase')).toBeNull();
    unmount();
  });

  it('takes the visitor’s id as confirmation too, and Keep goes back without erasing', async () => {
    let calls = 0;
    const { click, find, type, act, unmount } = await draw({
      exportVisitor: async () => exported,
      eraseVisitor: async () => {
        calls += 1;
        return erased;
      },
    });
    await click('op-visitor-erase');
    type('v42');
    expect((find<HTMLButtonElement>('op-visitor-erase-confirm') as HTMLButtonElement | null)?.disabled).toBe(false);
    const keep = [...(find('op-visitor-erase-confirm')?.parentElement?.querySelectorAll('button') ?? [])].find(
      (button) => button.textContent === 'Keep',
    );
    expect(keep).toBeDefined();
    await act(async () => {
      keep?.click();
      await settle();
    });
    expect(calls).toBe(0);
    expect(find('op-visitor-erase-confirm')).toBeNull();
    expect(find('op-visitor-erase')).not.toBeNull();
    unmount();
  });

  it('keeps the confirmation open with the server’s reason when it refuses', async () => {
    const { ApiError } = await import('../transport/http.ts');
    const { click, find, type, unmount } = await draw({
      exportVisitor: async () => exported,
      eraseVisitor: async () => {
        throw new ApiError(404, 'not_found', 'No such visitor');
      },
    });
    await click('op-visitor-erase');
    type('ERASE');
    await click('op-visitor-erase-confirm');
    expect(find('op-visitor-privacy-error')?.textContent).toBe('The visitor could not be erased: No such visitor');
    expect(find('op-visitor-erase-confirm')).not.toBeNull();
    expect(find('op-visitor-erased')).toBeNull();
    unmount();
  });
});
