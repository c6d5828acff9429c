// The composer's files: chosen or pasted files fill a tray with previews and progress, refusals show the server's
// words, and Send carries the uploads' ids, with an empty caption too, in a reply or a note.

import type { Attachment, UploadCreated } from '@livechat/protocol';
import { afterEach, describe, expect, it } from 'vitest';
import { withBrowserGlobals } from '../test-dom.ts';
import type { Uploader } from '../transport/uploads.ts';

withBrowserGlobals();

/** An upload the test moves along: progress, then the server's answer or refusal. */
interface Upload {
  file: File;
  progress(fraction: number): void;
  answer(attachment: Attachment): void;
  refuse(error: Error): void;
}

function drivenUploader(): { uploader: Uploader; uploads: Upload[] } {
  const uploads: Upload[] = [];
  const uploader: Uploader = (file, onProgress) => {
    let answer: (created: UploadCreated) => void = () => undefined;
    let refuse: (error: Error) => void = () => undefined;
    const done = new Promise<UploadCreated>((resolve, reject) => {
      answer = resolve;
      refuse = reject;
    });
    uploads.push({ file, progress: onProgress, answer: (attachment) => answer({ attachment }), refuse });
    return { done, cancel: () => refuse(new Error('cancelled')) };
  };
  return { uploader, uploads };
}

const PNG = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3])], 'error-screen.png', { type: 'image/png' });
const PDF = new File(['%PDF-1.4 invoice'], 'invoice.pdf', { type: 'application/pdf' });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const cleanup: Array<() => void> = [];
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo();
});

async function draw() {
  const { render } = await import('preact');
  const { act } = await import('preact/test-utils');
  const { Composer } = await import('./composer.tsx');
  const { workspace, messageFrame } = await import('../state/live.ts');
  const { replaceUploader, forgetTrays } = await import('../state/upload-tray.ts');
  const driven = drivenUploader();
  const restore = replaceUploader(driven.uploader);
  const root = document.createElement('div');
  document.body.append(root);
  act(() => render(<Composer conversationId="c1" />, root));
  cleanup.push(() => {
    act(() => render(null, root));
    forgetTrays();
    restore();
    workspace.reset();
  });
  const q = <T extends Element>(testId: string) => root.querySelector<T>(`[data-testid="${testId}"]`);
  const all = (testId: string) => [...root.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
  const choose = (...files: File[]) =>
    act(() => {
      const input = q<HTMLInputElement>('op-attach');
      if (!input) throw new Error('no op-attach');
      Object.defineProperty(input, 'files', { value: files, configurable: true });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  const send = (key = 'Enter') =>
    act(() => {
      q('op-composer')?.dispatchEvent(new window.KeyboardEvent('keydown', { key, bubbles: true }));
    });
  const sendButton = () => q<HTMLButtonElement>('op-send');
  return { ...driven, root, act, q, all, choose, send, sendButton, workspace, messageFrame };
}

const uploaded = (id: string, name: string, kind: Attachment['kind'], mime: string, size: number): Attachment => ({
  id,
  name,
  size,
  kind,
  mime,
});

describe('the composer’s files', () => {
  it('shows each chosen file with a preview or its name, size and type, and its upload progress', async () => {
    const { choose, uploads, all, q, act, sendButton } = await draw();
    expect(q<HTMLInputElement>('op-attach')?.type).toBe('file');
    expect(q<HTMLInputElement>('op-attach')?.multiple).toBe(true);

    choose(PNG, PDF);
    expect(uploads.map((upload) => upload.file.name)).toEqual(['error-screen.png', 'invoice.pdf']);
    const [image, pdf] = all('op-tray-file');
    expect(image?.dataset.status).toBe('uploading');
    expect(image?.querySelector('[data-testid="op-tray-preview"]')?.getAttribute('src')).toMatch(/^blob:/);
    expect(pdf?.querySelector('[data-testid="op-tray-preview"]')).toBeNull();
    expect(pdf?.textContent).toContain('invoice.pdf');
    expect(pdf?.textContent).toContain('16 B · application/pdf');
    // Nothing to send yet: the files are not up.
    expect(sendButton()?.disabled).toBe(true);

    act(() => uploads[0]?.progress(0.4));
    expect(all('op-tray-progress').map((bar) => bar.getAttribute('value'))).toEqual(['40', '0']);

    await act(async () => {
      uploads[0]?.answer(uploaded('up-image-1', 'error-screen.png', 'image', 'image/png', 7));
      await settle();
    });
    expect(all('op-tray-file').map((file) => file.dataset.status)).toEqual(['ready', 'uploading']);
    expect(all('op-tray-file')[0]?.textContent).toContain('Image');
    expect(q('op-composer')?.getAttribute('aria-describedby')).toBeTruthy();
    expect(root(q).textContent).toContain('Send waits until the files are up.');
    expect(sendButton()?.disabled).toBe(true);
  });

  it('sends a reply of files only, with their ids and an empty caption, and empties the tray', async () => {
    const { choose, uploads, all, act, send, sendButton, workspace, messageFrame } = await draw();
    choose(PNG, PDF);
    await act(async () => {
      uploads[0]?.answer(uploaded('up-image-1', 'error-screen.png', 'image', 'image/png', 7));
      uploads[1]?.answer(uploaded('up-pdf-2', 'invoice.pdf', 'pdf', 'application/pdf', 16));
      await settle();
    });
    expect(sendButton()?.disabled).toBe(false);
    send();
    const [queued] = workspace.outbox.value;
    if (!queued) throw new Error('nothing sent');
    expect(messageFrame(queued)).toMatchObject({
      type: 'message.send',
      conversationId: 'c1',
      body: '',
      visibility: 'public',
      attachmentIds: ['up-image-1', 'up-pdf-2'],
    });
    expect(all('op-tray-file')).toEqual([]);
  });

  it('gives the files back to the tray, with the caption, when the server refuses the message for speed', async () => {
    const { choose, uploads, all, act, q, send, workspace } = await draw();
    const { applyFrames } = await import('../state/live.ts');
    choose(PDF);
    await act(async () => {
      uploads[0]?.answer(uploaded('up-pdf-2', 'invoice.pdf', 'pdf', 'application/pdf', 16));
      await settle();
    });
    act(() => {
      const box = q<HTMLTextAreaElement>('op-composer');
      if (!box) return;
      box.value = 'Your invoice';
      box.dispatchEvent(new window.InputEvent('input', { bubbles: true }));
    });
    send();
    const [queued] = workspace.outbox.value;
    expect(all('op-tray-file')).toEqual([]);
    act(() =>
      applyFrames([
        {
          type: 'error',
          code: 'rate_limited',
          message: 'Too many messages',
          frameId: queued?.frameId ?? null,
          retryAfterMs: 4_000,
        },
      ]),
    );
    expect(workspace.outbox.value).toEqual([]);
    expect(q<HTMLTextAreaElement>('op-composer')?.value).toBe('Your invoice');
    expect(all('op-tray-file').map((file) => [file.dataset.status, file.textContent?.includes('invoice.pdf')])).toEqual(
      [['ready', true]],
    );
  });

  it('sends files with a caption in an internal note', async () => {
    const { choose, uploads, act, q, send, workspace, messageFrame } = await draw();
    act(() => {
      const toggle = q<HTMLInputElement>('op-note-toggle');
      if (toggle) toggle.checked = true;
      toggle?.dispatchEvent(new Event('change', { bubbles: true }));
    });
    choose(PDF);
    await act(async () => {
      uploads[0]?.answer(uploaded('up-pdf-2', 'invoice.pdf', 'pdf', 'application/pdf', 16));
      await settle();
    });
    act(() => {
      const box = q<HTMLTextAreaElement>('op-composer');
      if (!box) return;
      box.value = 'Refund proof for the team';
      box.dispatchEvent(new window.InputEvent('input', { bubbles: true }));
    });
    expect(q('op-send')?.textContent).toBe('Add note');
    send();
    const [queued] = workspace.outbox.value;
    if (!queued) throw new Error('nothing sent');
    expect(messageFrame(queued)).toMatchObject({
      body: 'Refund proof for the team',
      visibility: 'operator',
      attachmentIds: ['up-pdf-2'],
    });
  });

  it('shows the server’s refusal at the file, sends nothing of it, and removes it on request', async () => {
    const { ApiError } = await import('../transport/http.ts');
    const { choose, uploads, all, act, q, sendButton } = await draw();
    choose(PNG);
    await act(async () => {
      uploads[0]?.refuse(new ApiError(415, 'file_kind_refused', 'Files of this kind are not accepted here.'));
      await settle();
    });
    expect(all('op-tray-file')[0]?.dataset.status).toBe('failed');
    expect(all('op-tray-file')[0]?.dataset.code).toBe('file_kind_refused');
    expect(all('op-tray-file')[0]?.querySelector('img')).toBeNull();
    expect(q('op-tray-error')?.textContent).toBe('Files of this kind are not accepted here.');
    expect(sendButton()?.disabled).toBe(true);
    act(() => q<HTMLButtonElement>('op-tray-remove')?.click());
    expect(q('op-tray')).toBeNull();
  });

  it('takes a pasted screenshot, and at most ten files for one message', async () => {
    const { uploads, all, act, q, choose } = await draw();
    act(() => {
      const paste = new window.Event('paste', { bubbles: true, cancelable: true });
      Object.defineProperty(paste, 'clipboardData', { value: { files: [PNG] } });
      q('op-composer')?.dispatchEvent(paste);
    });
    expect(uploads).toHaveLength(1);
    choose(...Array.from({ length: 12 }, (_, index) => new File(['x'], `notes-${index}.txt`, { type: 'text/plain' })));
    expect(all('op-tray-file')).toHaveLength(10);
    expect(q('op-tray')?.textContent).toContain('At most 10 files go with one message; 3 files were left out.');
  });

  it('runs a command without the files, says why, and keeps them for the next message', async () => {
    const { choose, uploads, act, q, all, send, workspace } = await draw();
    act(() => {
      workspace.commands.value = ['help'];
    });
    choose(PDF);
    await act(async () => {
      uploads[0]?.answer(uploaded('up-pdf-2', 'invoice.pdf', 'pdf', 'application/pdf', 16));
      await settle();
    });
    act(() => {
      const box = q<HTMLTextAreaElement>('op-composer');
      if (!box) return;
      box.value = '/help ';
      box.dispatchEvent(new window.InputEvent('input', { bubbles: true }));
    });
    expect(q('op-send')?.textContent).toBe('Run');
    expect(q('op-composer')?.parentElement?.textContent).toContain(
      'commands take no files, so they stay for your next message',
    );
    send();
    expect(workspace.outbox.value).toEqual([]);
    expect(all('op-tray-file').map((file) => file.dataset.status)).toEqual(['ready']);
  });
});

/** The composer's form, for text anywhere in it. */
function root(q: <T extends Element>(testId: string) => T | null): Element {
  const form = q('op-composer')?.closest('form');
  if (!form) throw new Error('no composer form');
  return form;
}
