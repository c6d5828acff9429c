// The header menu's items (end the conversation, email its transcript), fetched on the menu button's first click,
// and the "End this conversation?" question.

import { useEffect, useRef } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import { ASK_CSS } from './email-ask.tsx';

export const MENU_CSS = `
[role=menu]{position:absolute;top:100%;inset-inline-end:0;z-index:1;min-width:200px;margin:4px 0 0;padding:4px;list-style:none;background:#fff;color:#1f2937;border-radius:10px;box-shadow:0 6px 24px rgba(0,0,0,.18)}
[role=menuitem]{display:block;width:100%;padding:8px 10px;border:0;border-radius:6px;background:none;color:inherit;text-align:start}
[role=menuitem]:hover,[role=menuitem]:focus{background:#f3f4f6;outline:none}
`;
/** The end question's styles are the other forms': it opens with the menu's chunk. */
export const CONFIRM_CSS = ASK_CSS;

const items = (menu: HTMLElement | null) => [...(menu?.querySelectorAll<HTMLElement>('[role=menuitem]') ?? [])];

interface MenuItemsProps {
  strings: Strings;
  canEnd: boolean;
  onEnd(): void;
  onTranscript(): void;
  /** Closes the menu; `focusButton` gives focus back to its button. */
  onClose(focusButton: boolean): void;
  onFocusOut(event: FocusEvent): void;
}

/** The open menu's items: the first takes focus; arrows, Home and End move it; Escape and Tab close the menu. */
export function MenuItems({ strings, canEnd, onEnd, onTranscript, onClose, onFocusOut }: MenuItemsProps) {
  const menu = useRef<HTMLUListElement>(null);

  useEffect(() => items(menu.current)[0]?.focus(), []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      // The panel closes on Escape too; while the menu is open, Escape closes only the menu.
      event.stopPropagation();
      onClose(true);
      return;
    }
    const list = items(menu.current);
    const index = list.indexOf(event.target as HTMLElement);
    const move: Record<string, number> = { ArrowDown: index + 1, ArrowUp: index - 1, Home: 0, End: list.length - 1 };
    if (event.key === 'Tab') {
      onClose(false);
    } else if (event.key in move) {
      event.preventDefault();
      list[((move[event.key] ?? 0) + list.length) % list.length]?.focus();
    }
  };

  const choose = (action: () => void) => {
    onClose(false);
    action();
  };

  return (
    <ul
      id="lc-menu-items"
      role="menu"
      aria-label={strings.menu}
      ref={menu}
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
