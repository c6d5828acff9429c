// The message box: Enter sends, Shift+Enter starts a new line, and typing is reported (throttled).

import { MAX_BODY_LENGTH } from '@livechat/protocol';
import type { Ref } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import type { ChatState } from './chat-state.ts';

interface ComposerProps {
  inputRef: Ref<HTMLTextAreaElement>;
  disabled: boolean;
  onSend(body: string): void;
  onTyping(active: boolean): void;
  strings: Strings;
  prefill: ChatState['prefill'];
}

/** Grows the box with its text, up to the CSS max-height, then it scrolls. */
function fitHeight(textarea: HTMLTextAreaElement): void {
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}

export function Composer({ inputRef, disabled, onSend, onTyping, strings, prefill }: ComposerProps) {
  const [text, setText] = useState('');

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
    if (disabled || !text.trim()) return;
    onSend(text.trim());
    setText('');
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
    <form onSubmit={submit}>
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
      />
      <button
        class="send"
        type="submit"
        data-testid="lc-send"
        aria-label={strings.send}
        disabled={disabled || !text.trim()}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
          <path d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
        </svg>
      </button>
    </form>
  );
}
