// The message box: Enter sends, Shift+Enter starts a new line, and typing is reported (throttled). Files come by the
// attach button, paste or a drop on the panel, into a tray that loads with the first of them.

import { type Attachment, type AttachmentKind, MAX_ATTACHMENTS_PER_MESSAGE, MAX_BODY_LENGTH } from '@livechat/protocol';
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import type { ChatState } from './chat-state.ts';
import { files as site } from '../files-context.ts';
import { lazy } from './lazy.tsx';

const Tray = lazy(() => import('./tray.tsx').then((m) => ({ component: m.Tray, css: m.CSS })));

/** What the file picker offers for the site's kinds (the server decides from the bytes). */
export const acceptOf = (kinds: readonly AttachmentKind[]): string =>
  kinds
    .map(
      (kind) =>
        ({
          image: 'image/*',
          pdf: '.pdf',
          text: '.txt,.csv',
          office: '.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp',
        })[kind],
    )
    .join();

interface ComposerProps {
  inputRef: Ref<HTMLTextAreaElement>;
  disabled: boolean;
  onSend(body: string, attachments: Attachment[]): void;
  /** Set to what takes files dropped on the panel. */
  dropRef: { current?: (files: ArrayLike<File>) => void };
  onTyping(active: boolean): void;
  strings: Strings;
  prefill: ChatState['prefill'];
}

/** Grows the box with its text, up to the CSS max-height, then it scrolls. */
function fitHeight(textarea: HTMLTextAreaElement): void {
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

export function Composer({ inputRef, disabled, onSend, onTyping, strings, prefill, dropRef }: ComposerProps) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  // The tray's uploads, once none is running; null while one is, and sending waits.
  const [ready, setReady] = useState<Attachment[] | null>([]);
  const kinds = site.attachments?.kinds ?? [];
  // Not ready until the tray has taken the new files: a send before that would leave them behind.
  const add = (chosen: ArrayLike<File>) => {
    if (!kinds.length) return;
    setReady(null);
    setFiles((now) => [...now, ...Array.from(chosen)].slice(0, MAX_ATTACHMENTS_PER_MESSAGE));
  };
  dropRef.current = add;
  const body = text.trim();
  // Sending while files upload waits for them (`queued`), then goes if every one of them made it.
  const [queued, setQueued] = useState(false);
  const canSend = !disabled && (ready ? body || ready.length : files.length);
  useEffect(() => {
    if (queued && ready) {
      setQueued(false);
      if (ready.length === files.length) submit();
    }
  }, [ready]);

  useEffect(() => {
    const textarea = (inputRef as { current: HTMLTextAreaElement | null }).current;
    if (!prefill || !textarea) return;
    setText(prefill.text);
    textarea.value = prefill.text;
    fitHeight(textarea);
    textarea.setSelectionRange(prefill.text.length, prefill.text.length);
  }, [prefill]);

  const submit = (event?: Event) => {
    event?.preventDefault();
    if (!canSend) return;
    if (!ready) return setQueued(true);
    onSend(body, ready);
    setText('');
    setFiles([]);
    setReady([]);
    const textarea = (inputRef as { current: HTMLTextAreaElement | null }).current;
    if (textarea) {
      textarea.value = '';
      fitHeight(textarea);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    // isComposing: Enter that confirms an IME composition (Japanese, Chinese…) must not send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) submit(event);
  };

  const onInput = (event: Event) => {
    const textarea = event.currentTarget as HTMLTextAreaElement;
    setText(textarea.value);
    fitHeight(textarea);
    onTyping(textarea.value.trim() !== '');
  };

  return (
    <>
      {files.length > 0 && (
        <Tray files={files} onRemove={(file) => setFiles((now) => now.filter((f) => f !== file))} onReady={setReady} />
      )}
      <form onSubmit={submit}>
        {kinds.length > 0 && (
          <label class="icon attach">
            <svg
              width="18"
              height="18"
              viewBox="0 0 24 24"
              fill="none"
              stroke="currentColor"
              stroke-width="2.2"
              aria-hidden="true"
            >
              <path d="M16 6v10a4 4 0 0 1-8 0V5a2.5 2.5 0 0 1 5 0v10a1 1 0 0 1-2 0V7" />
            </svg>
            <input
              type="file"
              multiple
              accept={acceptOf(kinds)}
              aria-label={strings.attach}
              data-testid="lc-attach"
              onChange={(event) => {
                const input = event.currentTarget;
                add([...(input.files ?? [])]);
                input.value = '';
              }}
            />
          </label>
        )}
        <textarea
          ref={inputRef}
          data-testid="lc-input"
          aria-label={strings.message}
          placeholder={strings.placeholder}
          rows={1}
          maxLength={MAX_BODY_LENGTH}
          value={text}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onPaste={(event) => {
            const pasted = event.clipboardData?.files;
            if (kinds.length && pasted?.length) {
              event.preventDefault();
              add(pasted);
            }
          }}
        />
        <button class="send" type="submit" data-testid="lc-send" aria-label={strings.send} disabled={!canSend}>
          <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
            <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
          </svg>
        </button>
      </form>
    </>
  );
}
