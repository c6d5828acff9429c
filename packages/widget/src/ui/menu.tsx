// The header's menu (lc-menu: end the conversation, email its transcript) and the "End this conversation?" question.

import type { Ref } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import { ASK_CSS } from './email-ask.tsx';

export const MENU_CSS = `
.menu{position:relative}
[role=menu]{position:absolute;top:100%;inset-inline-end:0;z-index:1;min-width:200px;margin:4px 0 0;padding:4px;list-style:none;background:#fff;color:#1f2937;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.18)}
[role=menu][hidden]{display:none}
[role=menuitem]{display:block;width:100%;padding:8px 10px;border:0;border-radius:6px;background:none;color:inherit;text-align:start}
[role=menuitem]:hover,[role=menuitem]:focus{background:#f3f4f6;outline:none}
`;
/** The end question's styles are the other forms': it opens with the menu's chunk. */
export const CONFIRM_CSS = ASK_CSS;

const items = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];

interface MenuProps {
  strings: Strings;
  buttonRef: Ref<HTMLButtonElement>;
  /** Ending is offered only while the conversation is open; the transcript also once it ended. */
  canEnd: boolean;
  onEnd(): void;
  onTranscript(): void;
}

/** A menu button as the ARIA pattern has it: the first item takes focus, Escape gives it back to the button. */
export function HeaderMenu({ strings, buttonRef, canEnd, onEnd, onTranscript }: MenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const button = () => (buttonRef as { current: HTMLButtonElement | null }).current;

  useEffect(() => {
    if (open) items(menu.current)[0]?.focus();
  }, [open]);

  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // The panel closes on Escape too; while the menu is open, Escape closes only the menu.
    event.stopPropagation();
    setOpen(false);
    button()?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    onEscape(event);
    const list = items(menu.current);
    const index = list.indexOf(event.target as HTMLElement);
    const move: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: list.length - 1 };
    if (event.key === 'Tab') {
      setOpen(false);
    } else if (event.key in move) {
      event.preventDefault();
      list[((move[event.key] ?? 0) + list.length) % list.length]?.focus();
    }
  };

  const choose = (action: () => void) => {
    setOpen(false);
    action();
  };

  // Focus leaving the menu and its button (a click elsewhere, Tab) closes it.
  const onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    if (!next || !root.current?.contains(next)) setOpen(false);
  };

  return (
    <div class="menu" ref={root}>
      <button
        ref={buttonRef}
        class="icon"
        type="button"
        aria-label={strings.menu}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls="lc-menu-items"
        data-testid="lc-menu"
        onKeyDown={onEscape}
        onFocusOut={onFocusOut}
        onClick={() => setOpen(!open)}
      >
        <svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">
          <circle cx="12" cy="5" r="2" />
          <circle cx="12" cy="12" r="2" />
          <circle cx="12" cy="19" r="2" />
        </svg>
      </button>
      <ul
        id="lc-menu-items"
        role="menu"
        aria-label={strings.menu}
        ref={menu}
        hidden={!open}
        onKeyDown={onKeyDown}
        onFocusOut={onFocusOut}
      >
        {canEnd && (
          <Item testId="lc-end" onClick={() => choose(onEnd)}>
            {strings.endConversation}
          </Item>
        )}
        <Item testId="lc-transcript" onClick={() => choose(onTranscript)}>
          {strings.transcript}
        </Item>
      </ul>
    </div>
  );
}

function Item({ testId, onClick, children }: { testId: string; onClick(): void; children: string }) {
  return (
    <li role="none">
      <button type="button" role="menuitem" tabIndex={-1} data-testid={testId} onClick={onClick}>
        {children}
      </button>
    </li>
  );
}

interface ConfirmProps {
  strings: Strings;
  onAnswer(end: boolean): void;
}

/** Asks before ending: "No" has focus, so a second Enter does not end the conversation by accident. */
export function EndConfirm({ strings, onAnswer }: ConfirmProps) {
  const no = useRef<HTMLButtonElement>(null);
  useEffect(() => no.current?.focus(), []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onAnswer(false);
  };
  return (
    <div
      class="confirm"
      role="group"
      aria-labelledby="lc-end-question"
      data-testid="lc-end-confirm"
      onKeyDown={onKeyDown}
    >
      <p id="lc-end-question">{strings.endConfirm}</p>
      <button type="button" class="yes" data-testid="lc-end-yes" onClick={() => onAnswer(true)}>
        {strings.yes}
      </button>
      <button type="button" ref={no} data-testid="lc-end-no" onClick={() => onAnswer(false)}>
        {strings.no}
      </button>
    </div>
  );
}
