// The reply box: Enter sends, Shift+Enter adds a line, a switch turns the text into an internal note.

import { useEffect, useRef, useState } from 'preact/hooks';
import { reportTyping, runCommand, sendMessage } from '../state/live.ts';
import { composerIntent, typingIsPublic } from './intent.ts';

/** Unsent text per conversation, kept while the operator looks at another one. */
const drafts = new Map<string, string>();

export function Composer({ conversationId }: { conversationId: string }) {
  const [text, setText] = useState(() => drafts.get(conversationId) ?? '');
  const [internal, setInternal] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textarea.current?.focus();
  }, []);

  const intent = composerIntent(text, internal);

  function changeText(value: string) {
    setText(value);
    setError(null);
    if (value === '') drafts.delete(conversationId);
    else drafts.set(conversationId, value);
    reportTyping(conversationId, typingIsPublic(value, internal));
  }

  function changeInternal(value: boolean) {
    setInternal(value);
    reportTyping(conversationId, typingIsPublic(text, value));
    textarea.current?.focus();
  }

  function submit() {
    if (intent.kind === 'empty') return;
    if (intent.kind === 'too-long') {
      setError(`This message has ${intent.length} characters; the limit is ${intent.max}.`);
      return;
    }
    const accepted =
      intent.kind === 'command'
        ? runCommand(conversationId, intent.name, intent.args, text.trim())
        : sendMessage(conversationId, intent.body, intent.visibility);
    if (accepted) {
      setText('');
      drafts.delete(conversationId);
    }
    textarea.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    // isComposing: Enter confirms an IME candidate (Japanese, Chinese…) and must not send.
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    submit();
  }

  const inputId = `composer-${conversationId}`;
  const hintId = `${inputId}-hint`;
  return (
    <form
      class={`composer${internal ? ' composer--internal' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <label class="visually-hidden" for={inputId}>
        {internal ? 'Internal note' : 'Reply to the visitor'}
      </label>
      <textarea
        id={inputId}
        ref={textarea}
        class="composer__input"
        data-testid="op-composer"
        rows={3}
        value={text}
        placeholder={internal ? 'Write an internal note. Only operators will see it.' : 'Write a reply…'}
        aria-describedby={hintId}
        onInput={(event) => changeText(event.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <div class="composer__bar">
        <label class="switch">
          <input
            type="checkbox"
            role="switch"
            class="switch__input"
            checked={internal}
            onChange={(event) => changeInternal(event.currentTarget.checked)}
            data-testid="op-note-toggle"
          />
          <span class="switch__track" aria-hidden="true" />
          Internal note
        </label>
        <span id={hintId} class="composer__hint">
          {intent.kind === 'command'
            ? `Runs /${intent.name}; nothing is sent to the visitor.`
            : internal
              ? 'Only operators see notes.'
              : 'Enter to send, Shift+Enter for a new line.'}
        </span>
        <button type="submit" class="button button--primary" data-testid="op-send" disabled={intent.kind === 'empty'}>
          {intent.kind === 'command' ? 'Run' : internal ? 'Add note' : 'Send'}
        </button>
      </div>
      {error && (
        <p class="composer__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
