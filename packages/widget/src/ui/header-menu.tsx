// The header's menu button (lc-menu), part of the UI chunk; its items and their words load on the first click.

import type { Ref } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import { lazy } from './lazy.tsx';

const MenuItems = lazy(() => import('./menu.tsx').then((m) => ({ component: m.MenuItems, css: m.MENU_CSS })), true);

interface HeaderMenuProps {
  strings: Strings;
  buttonRef: Ref<HTMLButtonElement>;
  /** Ending is offered only while the conversation is open; the transcript also once it ended. */
  canEnd: boolean;
  onEnd(): void;
  onTranscript(): void;
}

/** A menu button as the ARIA pattern has it: the first item takes focus, Escape gives it back to the button. */
export function HeaderMenu({ strings, buttonRef, canEnd, onEnd, onTranscript }: HeaderMenuProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);

  const close = (focusButton: boolean) => {
    setOpen(false);
    if (focusButton) (buttonRef as { current: HTMLButtonElement | null }).current?.focus();
  };

  const onEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !open) return;
    // The panel closes on Escape too; while the menu is open, Escape closes only the menu.
    event.stopPropagation();
    close(true);
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
        aria-controls={open ? 'lc-menu-items' : undefined}
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
      {open && (
        <MenuItems
          strings={strings}
          canEnd={canEnd}
          onEnd={onEnd}
          onTranscript={onTranscript}
          onClose={close}
          onFocusOut={onFocusOut}
        />
      )}
    </div>
  );
}
