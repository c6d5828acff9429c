// A message's files in the history: image thumbnails in a box sized before they load, other files as a download
// card, and a note's files marked as the note's.

import type { Attachment, Message } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';
import { aMessage } from '../test-fixtures.ts';

withBrowserGlobals();

const screenshot: Attachment = {
  id: 'att-png-1',
  name: 'checkout-error.png',
  size: 182_000,
  kind: 'image',
  mime: 'image/png',
  width: 1280,
  height: 800,
  url: '/api/operator/files/att-png-1',
};
const invoice: Attachment = {
  id: 'att-pdf-2',
  name: 'invoice-4411.pdf',
  size: 2_560_000,
  kind: 'pdf',
  mime: 'application/pdf',
  url: '/api/operator/files/att-pdf-2',
};

async function draw(messages: Message[]) {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { MessageList } = await import('./message-list.tsx');
  const { buildTimeline } = await import('../state/timeline.ts');
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<MessageList items={buildTimeline(messages, [], [])} emptyText="None" />, root));
  const attachmentsOf = (seq: number) => [
    ...root.querySelectorAll<HTMLElement>(`[data-seq="${seq}"] [data-testid="op-attachment"]`),
  ];
  return { root, attachmentsOf, unmount: () => act(() => render(null, root)) };
}

describe('a message’s files', () => {
  it('shows an image as a lazy thumbnail of its proportions that opens full size', async () => {
    const { attachmentsOf, root, unmount } = await draw([aMessage(1, { body: '', attachments: [screenshot] })]);
    const [image] = attachmentsOf(1);
    expect(image?.dataset.kind).toBe('image');
    const thumbnail = image?.querySelector('img');
    expect(thumbnail?.getAttribute('src')).toBe('/api/operator/files/att-png-1');
    expect(thumbnail?.getAttribute('alt')).toBe('checkout-error.png');
    expect(thumbnail?.getAttribute('loading')).toBe('lazy');
    // The box is there before the bytes, so the list does not jump when they arrive.
    expect([thumbnail?.getAttribute('width'), thumbnail?.getAttribute('height')]).toEqual(['240', '150']);
    const link = image?.querySelector('a');
    expect(link?.getAttribute('href')).toBe('/api/operator/files/att-png-1');
    expect(link?.getAttribute('target')).toBe('_blank');
    // A message of files only has no empty text bubble.
    expect(root.querySelector('[data-seq="1"] .message__body')).toBeNull();
    unmount();
  });

  it('shows another file with its name, size and type, and a download link', async () => {
    const { attachmentsOf, root, unmount } = await draw([
      aMessage(1, {
        author: { kind: 'operator', id: 'op1', name: 'Alice' },
        body: 'Here is your invoice',
        attachments: [invoice],
      }),
    ]);
    const [file] = attachmentsOf(1);
    expect(file?.dataset.kind).toBe('pdf');
    expect(file?.querySelector('.attachment__name')?.textContent).toBe('invoice-4411.pdf');
    expect(file?.querySelector('.attachment__meta')?.textContent).toBe('2.4 MB · PDF');
    const download = file?.querySelector('a');
    expect(download?.getAttribute('href')).toBe('/api/operator/files/att-pdf-2');
    expect(download?.getAttribute('download')).toBe('invoice-4411.pdf');
    expect(root.querySelector('[data-seq="1"] .message__body')?.textContent).toBe('Here is your invoice');
    unmount();
  });

  it('marks a note’s files as the note’s, apart from the public ones', async () => {
    const { attachmentsOf, root, unmount } = await draw([
      aMessage(1, { attachments: [screenshot] }),
      aMessage(2, {
        author: { kind: 'operator', id: 'op2', name: 'Bob' },
        visibility: 'operator',
        body: 'Refund receipt',
        attachments: [invoice],
      }),
    ]);
    const note = root.querySelector<HTMLElement>('[data-seq="2"]');
    expect(note?.dataset.visibility).toBe('operator');
    expect(note?.classList.contains('message--internal')).toBe(true);
    expect(note?.textContent).toContain('Only operators see this');
    expect(attachmentsOf(2)).toHaveLength(1);
    expect(attachmentsOf(2)[0]?.textContent).toContain('invoice-4411.pdf');
    expect(root.querySelector('[data-seq="1"]')?.classList.contains('message--internal')).toBe(false);
    unmount();
  });
});
