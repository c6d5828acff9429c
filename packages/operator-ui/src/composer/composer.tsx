// The reply box: Enter sends, Shift+Enter adds a line, a switch makes a note; `/`, `:` and `@` open suggestions.

import {
  MAX_ATTACHMENTS_PER_MESSAGE,
  type TemplateValues,
  fillTemplate,
  insertAt,
  mentionedIn,
} from '@livechat/protocol';
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { reportTyping, runCommand, sendMessage, workspace } from '../state/live.ts';
import { trayOf } from '../state/upload-tray.ts';
import { AttachButton, AttachmentTray } from './attachment-tray.tsx';
import { exactShortcut } from './canned-filter.ts';
import { composerIntent, hasMention, mentionIdsToSend, typingIsPublic } from './intent.ts';
import { useMentionMode } from './mention-mode.ts';
import { useRateLimit, withUnsent } from './rate-limit.ts';
import { SuggestionList, suggestionOptionId } from './suggestion-list.tsx';
import {
  type InsertedCanned,
  type Suggestion,
  cannedStillPresent,
  cannedSuggestions,
  commandSuggestions,
  findTrigger,
  mentionSuggestions,
} from './suggestions.ts';

/** Unsent text per conversation, kept while the operator looks at another one. */
const drafts = new Map<string, { text: string; canned: InsertedCanned[] }>();

export function Composer({ conversationId }: { conversationId: string }) {
  const saved = drafts.get(conversationId);
  const [text, setText] = useState(() => saved?.text ?? '');
  const [cursor, setCursor] = useState(() => saved?.text.length ?? 0);
  const mode = useMentionMode();
  const { internal, mentionNote, publicChosen } = mode;
  const [error, setError] = useState<string | null>(null);
  const [selected, setSelected] = useState(0);
  /** The token whose list Esc closed; typing elsewhere opens lists again. */
  const [dismissed, setDismissed] = useState<string | null>(null);
  const canned = useRef<InsertedCanned[]>(saved?.canned ?? []);
  const moveCursorTo = useRef<number | null>(null);
  const textarea = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    textarea.current?.focus();
  }, []);

  // After an insertion the textarea re-renders with new text; put the cursor right after it.
  useLayoutEffect(() => {
    const element = textarea.current;
    const target = moveCursorTo.current;
    if (!element || target === null) return;
    moveCursorTo.current = null;
    element.setSelectionRange(target, target);
  }, [text]);

  const limited = useRateLimit(conversationId, (unsent) => {
    const restored = withUnsent(unsent, text);
    moveCursorTo.current = restored.length;
    update(restored, restored.length);
  });

  const commands = workspace.commands.value;
  const cannedIndex = workspace.canned.index.value;
  const team = workspace.team.value;
  const trigger = findTrigger(text, cursor);
  const triggerKey = trigger ? `${trigger.trigger}${trigger.start}` : null;
  const items = useMemo<Suggestion[]>(() => {
    if (!trigger) return [];
    if (trigger.trigger === '/') return commandSuggestions(commands, trigger.term);
    if (trigger.trigger === ':') return cannedSuggestions(cannedIndex, trigger.term);
    return mentionSuggestions(team, trigger.term);
  }, [trigger?.trigger, trigger?.term, commands, cannedIndex, team]);
  const open = trigger !== null && items.length > 0 && dismissed !== triggerKey;
  const active = open ? Math.min(selected, items.length - 1) : -1;

  // A new term starts again from the best match.
  useEffect(() => setSelected(0), [trigger?.trigger, trigger?.term]);

  const tray = trayOf(conversationId);
  const files = tray.files.value;
  const uploading = files.some((file) => file.status === 'uploading');
  const withFiles = files.some((file) => file.status === 'ready');
  const intent = composerIntent(text, internal, withFiles);
  const inputId = `composer-${conversationId}`;
  const hintId = `${inputId}-hint`;
  const listId = `${inputId}-suggestions`;

  function templateValues(): TemplateValues {
    const visitor = workspace.summaryOf(conversationId)?.visitor;
    // The site's name is not known to the operator UI; `{{site.name|fallback}}` covers it.
    return {
      'visitor.name': visitor?.name,
      'visitor.email': visitor?.email,
      'operator.name': workspace.operator.value?.name,
    };
  }

  function update(value: string, nextCursor: number) {
    setText(value);
    setCursor(nextCursor);
    setError(null);
    const nextInternal = mode.onText(value);
    // Esc closes the list for one token only: once that token is gone, lists open again.
    if (dismissed !== null && findTrigger(value, nextCursor) === null) setDismissed(null);
    if (value === '') {
      drafts.delete(conversationId);
      canned.current = [];
    } else {
      drafts.set(conversationId, { text: value, canned: canned.current });
    }
    reportTyping(conversationId, typingIsPublic(value, nextInternal));
  }

  /** Puts a canned response in place of `text[start, end)`, variables filled, plus a space. */
  function insertCanned(value: string, start: number, end: number, id: string, substitution: string) {
    const filled = fillTemplate(substitution, templateValues());
    const result = insertAt(value, start, end, filled);
    canned.current = [...canned.current, { id, text: filled }];
    moveCursorTo.current = result.cursor;
    update(result.text, result.cursor);
  }

  function choose(index: number) {
    const item = items[index];
    if (!trigger || !item) return;
    if (item.kind === 'canned') {
      insertCanned(text, trigger.start, trigger.end, item.response.id, item.response.substitution);
    } else {
      const insert = item.kind === 'command' ? `/${item.command.name}` : `@${item.operator.name}`;
      const result = insertAt(text, trigger.start, trigger.end, insert);
      moveCursorTo.current = result.cursor;
      update(result.text, result.cursor);
    }
    textarea.current?.focus();
  }

  function onInput(event: InputEvent & { currentTarget: HTMLTextAreaElement }) {
    const { value, selectionStart } = event.currentTarget;
    // `:sorry` then a space expands, like choosing it, when `sorry` is exactly a shortcut.
    if (event.inputType === 'insertText' && event.data === ' ') {
      const typed = findTrigger(value, selectionStart - 1);
      const response = typed?.trigger === ':' ? exactShortcut(cannedIndex, typed.term) : null;
      if (typed && response) {
        insertCanned(value, typed.start, selectionStart, response.id, response.substitution);
        return;
      }
    }
    update(value, selectionStart);
  }

  function changeInternal(value: boolean) {
    mode.choose(value, text);
    reportTyping(conversationId, typingIsPublic(text, value));
    textarea.current?.focus();
  }

  /** `:sorry` left at the end when sending also expands. */
  function expandTrailingShortcut(value: string): string {
    const end = value.trimEnd().length;
    const typed = findTrigger(value, end);
    const response = typed?.trigger === ':' ? exactShortcut(cannedIndex, typed.term) : null;
    if (!typed || !response) return value;
    const filled = fillTemplate(response.substitution, templateValues());
    canned.current = [...canned.current, { id: response.id, text: filled }];
    return insertAt(value, typed.start, end, filled).text;
  }

  function submit() {
    // The text stays in the box; the countdown under it says when it can go.
    if (limited) return;
    const value = expandTrailingShortcut(text);
    const toSend = composerIntent(value, internal, withFiles);
    if (toSend.kind === 'empty') return;
    if (toSend.kind === 'message' && uploading) {
      setError('Files are still uploading; send once they are up, or remove them.');
      return;
    }
    if (toSend.kind === 'too-long') {
      setError(`This message has ${toSend.length} characters; the limit is ${toSend.max}.`);
      return;
    }
    const accepted =
      toSend.kind === 'command'
        ? runCommand(conversationId, toSend.name, toSend.args, value.trim())
        : sendMessage(conversationId, toSend.body, toSend.visibility, {
            mentionIds: mentionIdsToSend(
              toSend.visibility,
              mentionedIn(toSend.body, team).map((operator) => operator.id),
            ),
            cannedIds: cannedStillPresent(toSend.body, canned.current),
            // Commands never carry files (the server refuses them): the files wait for the next message.
            attachments: tray.takeReady(),
          });
    if (accepted) {
      canned.current = [];
      update('', 0);
    }
    textarea.current?.focus();
  }

  function onKeyDown(event: KeyboardEvent) {
    // isComposing: Enter confirms an IME candidate (Japanese, Chinese…) and must do nothing else.
    if (event.isComposing) return;
    if (open && handleListKey(event)) {
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey) return;
    event.preventDefault();
    submit();
  }

  /** Keys that act on the open suggestion list; returns whether the key was used. */
  function handleListKey(event: KeyboardEvent): boolean {
    const count = items.length;
    switch (event.key) {
      case 'ArrowDown':
        setSelected((active + 1) % count);
        return true;
      case 'ArrowUp':
        setSelected((active - 1 + count) % count);
        return true;
      case 'Tab':
        setSelected((active + (event.shiftKey ? count - 1 : 1)) % count);
        return true;
      case 'Enter':
        if (event.shiftKey) return false;
        choose(active);
        return true;
      case 'Escape':
        setDismissed(triggerKey);
        return true;
      default:
        return false;
    }
  }

  /** A pasted screenshot joins the tray; pasted text is left to the textarea. */
  function onPaste(event: ClipboardEvent) {
    const images = [...(event.clipboardData?.files ?? [])].filter((file) => file.type.startsWith('image/'));
    if (images.length === 0) return;
    event.preventDefault();
    tray.add(images);
  }

  function syncCursor(event: Event) {
    const element = event.currentTarget as HTMLTextAreaElement;
    if (element.selectionStart !== cursor) setCursor(element.selectionStart);
  }

  const unavailable = intent.kind === 'command' && !commands.includes(intent.name);
  const hint = open
    ? '↑ ↓ or Tab to choose, Enter to insert, Esc to close.'
    : intent.kind === 'command'
      ? commandHint(intent.name, unavailable, files.length > 0)
      : messageHint(uploading, internal);

  return (
    <form
      class={`composer${internal ? ' composer--internal' : ''}`}
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {open && <SuggestionList id={listId} items={items} selected={active} onChoose={choose} onHover={setSelected} />}
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
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? suggestionOptionId(listId, active) : undefined}
        onInput={onInput}
        onPaste={onPaste}
        onKeyDown={onKeyDown}
        onKeyUp={syncCursor}
        onClick={syncCursor}
        onBlur={() => setDismissed(triggerKey)}
        onFocus={() => setDismissed(null)}
      />
      <AttachmentTray tray={tray} />
      <div class="composer__bar">
        <AttachButton tray={tray} disabled={files.length >= MAX_ATTACHMENTS_PER_MESSAGE} />
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
        <span id={hintId} class="composer__hint" aria-live="polite">
          {hint}
        </span>
        <button
          type="submit"
          class="button button--primary"
          data-testid="op-send"
          disabled={intent.kind === 'empty' || limited !== null || (intent.kind === 'message' && uploading)}
        >
          {intent.kind === 'command' ? 'Run' : internal ? 'Add note' : 'Send'}
        </button>
      </div>
      <MentionNotice note={mentionNote && internal} publicReply={publicChosen && !internal && hasMention(text)} />
      {limited && (
        <p class="composer__limited" role="status" data-testid="op-rate-limited">
          {limited}
        </p>
      )}
      {error && (
        <p class="composer__error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

/** A command runs on its own: the server refuses files with it, so they stay in the tray, and the hint says so. */
function commandHint(name: string, unavailable: boolean, withFiles: boolean): string {
  if (unavailable) return `/${name} is not available here; running it only shows you why.`;
  if (withFiles) return `Runs /${name} without the files: commands take no files, so they stay for your next message.`;
  return `Runs /${name}; nothing is sent to the visitor.`;
}

function messageHint(uploading: boolean, internal: boolean): string {
  if (uploading) return 'Uploading… Send waits until the files are up.';
  if (internal) return 'Only operators see notes.';
  return 'Enter to send, Shift+Enter for a new line. Type / for commands, : for canned responses, @ to mention.';
}

function MentionNotice({ note, publicReply }: { note: boolean; publicReply: boolean }) {
  if (note) {
    return (
      <p class="composer__mention" role="status" data-testid="op-mention-note">
        Mentions go in internal notes: this will be a note. Switch off “Internal note” to send it to the visitor instead
        (nobody is notified then).
      </p>
    );
  }
  if (!publicReply) return null;
  return (
    <p class="composer__mention composer__mention--public" role="status" data-testid="op-mention-public">
      This reply goes to the visitor; the operators named in it are not notified.
    </p>
  );
}
