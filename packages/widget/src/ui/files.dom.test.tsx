// The composer's attach button, the tray's refusals before any upload, and files drawn in a message.

import type { Attachment, AttachmentSettings } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';
import { startSiteServer } from '../test-site-server.ts';
import { en } from '../test-strings.ts';
import type { TokenSource } from '../ui-contract.ts';

withBrowserGlobals();

/** The visitor's token source, counting how often anything asks it for a token. */
function countingSession(): TokenSource & { asked: number } {
  const session = {
    asked: 0,
    token: async () => {
      session.asked++;
      return 'token';
    },
    renew: async () => 'token',
    fetch: async () => new Response('{}'),
  };
  return session;
}

async function setUp(attachments: AttachmentSettings, session: TokenSource = countingSession()) {
  const { files } = await import('../files-context.ts');
  Object.assign(files, { origin: 'https://chat.example', siteId: 'shop', session, lang: 'en', attachments });
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const root = document.createElement('div');
  document.body.append(root);
  return { root, render, act };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the attach button', () => {
  it('shows only for a site that takes files, offering its kinds', async () => {
    const { root, render, act } = await setUp({ maxBytes: 1024, kinds: [] });
    const { Composer } = await import('./composer.tsx');
    const draw = () =>
      act(() =>
        render(
          <Composer
            inputRef={{ current: null }}
            dropRef={{}}
            disabled={false}
            onSend={() => {}}
            onTyping={() => {}}
            strings={en}
            prefill={null}
          />,
          root,
        ),
      );
    draw();
    expect(root.querySelector('[data-testid="lc-attach"]')).toBeNull();

    const { files } = await import('../files-context.ts');
    files.attachments = { maxBytes: 1024, kinds: ['image', 'pdf'] };
    render(null, root);
    draw();
    const input = root.querySelector('[data-testid="lc-attach"]') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.multiple).toBe(true);
    expect(input.accept).toBe('image/*,.pdf');
    expect(input.getAttribute('aria-label')).toBe('Attach files');
  });
});

describe('the tray', () => {
  it('refuses a file too large or of a kind the site does not take before asking for anything, and says why', async () => {
    const session = countingSession();
    const { root, render, act } = await setUp({ maxBytes: 2 * 1024 * 1024, kinds: ['image', 'pdf'] }, session);
    const { Tray } = await import('./tray.tsx');
    const files = [
      new File([new Uint8Array(3 * 1024 * 1024)], 'scan.pdf', { type: 'application/pdf' }),
      new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' }),
    ];
    let ready: Attachment[] | null = null;
    await act(async () => {
      render(<Tray files={files} onRemove={() => {}} onReady={(attachments) => (ready = attachments)} />, root);
      await settle();
    });
    const errors = [...root.querySelectorAll('[data-testid="lc-tray-error"]')].map((line) => line.textContent);
    expect(errors).toEqual([
      'scan.pdf is too large: files up to 2 MB.',
      'setup.exe: this kind of file is not accepted.',
    ]);
    expect(root.querySelectorAll('[data-testid="lc-progress"]')).toHaveLength(0);
    expect(session.asked).toBe(0);
    // Nothing uploading, nothing uploaded: sending waits for no one, and takes no file.
    expect(ready).toEqual([]);
  });
});

describe('files in a message', () => {
  const image: Attachment = {
    id: 'file-image-1',
    name: 'error.png',
    size: 48_213,
    kind: 'image',
    mime: 'image/png',
    width: 1280,
    height: 720,
    url: '/api/files/file-image-1?expires=4102444800&sig=ab12',
  };
  const pdf: Attachment = {
    id: 'file-pdf-1',
    name: 'invoice.pdf',
    size: 2_621_440,
    kind: 'pdf',
    mime: 'application/pdf',
    url: '/api/files/file-pdf-1?expires=4102444800&sig=cd34',
  };

  it('draws images as sized, lazy thumbnails opening full size, and other files as name, size, type and a download', async () => {
    const { root, render, act } = await setUp({ maxBytes: 1024, kinds: ['image'] });
    const { Attachments } = await import('./attachments.tsx');
    act(() => render(<Attachments files={[image, pdf]} />, root));
    const [first, second] = [...root.querySelectorAll('[data-testid="lc-attachment"]')] as HTMLElement[];
    const img = first?.querySelector('img') as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('https://chat.example/api/files/file-image-1?expires=4102444800&sig=ab12');
    expect([img.getAttribute('width'), img.getAttribute('height'), img.getAttribute('loading')]).toEqual([
      '1280',
      '720',
      'lazy',
    ]);
    expect(first?.querySelector('a')?.getAttribute('target')).toBe('_blank');
    const link = second?.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://chat.example/api/files/file-pdf-1?expires=4102444800&sig=cd34');
    expect(link.getAttribute('download')).toBe('invoice.pdf');
    expect(link.textContent).toBe('invoice.pdf2.5 MB · application/pdf');
  });

  it('reads fresh links from the server before opening one that has expired, and draws the message with them', async () => {
    const fresh = '/api/files/file-pdf-1?expires=4102444800&sig=fresh';
    const server = await startSiteServer({
      'GET /api/sites/shop/conversation': {
        status: 200,
        body: { conversation: { id: 'conv-1', lastSeq: 1 }, messages: [{ attachments: [{ ...pdf, url: fresh }] }] },
      },
    });
    const session: TokenSource = {
      token: async () => 'token',
      renew: async () => 'token',
      fetch: (path, init) =>
        fetch(`${server.origin}/api/sites/shop${path}`, { ...init, headers: { authorization: 'Bearer token' } }),
    };
    try {
      const { root, render, act } = await setUp({ maxBytes: 1024, kinds: ['pdf'] }, session);
      const { files } = await import('../files-context.ts');
      files.origin = server.origin;
      const { Attachments } = await import('./attachments.tsx');
      const expired = { ...pdf, url: '/api/files/file-pdf-1?expires=1700000000&sig=old' };
      act(() => render(<Attachments files={[expired]} />, root));
      const link = () => root.querySelector('[data-testid="lc-attachment"] a') as HTMLAnchorElement;
      expect(link().getAttribute('href')).toContain('sig=old');
      await act(async () => {
        link().dispatchEvent(new window.MouseEvent('click', { bubbles: true, cancelable: true }));
        await new Promise((resolve) => setTimeout(resolve, 200));
      });
      expect(server.received[0]).toMatchObject({
        route: 'GET /api/sites/shop/conversation',
        authorization: 'Bearer token',
      });
      expect(link().getAttribute('href')).toBe(`${server.origin}${fresh}`);
      // The tab opened at the click goes to the fresh link, never to the expired one.
      await expect.poll(() => server.requests.slice(1)).toEqual([`GET ${fresh}`]);
    } finally {
      await server.close();
    }
  });
});
