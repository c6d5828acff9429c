// The chat panel: header, connection status, message log, who is typing, and the composer.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import type { VisitorTransport } from '../transport.ts';
import type { VisitorApi } from '../visitor-api.ts';
import { type ChatEvent, type ChatState, typingText } from './chat-state.ts';
import { Composer } from './composer.tsx';
import { trapTab } from './focus-trap.ts';
import { EndConfirm, HeaderMenu } from './menu.tsx';
import { lazy } from './lazy.tsx';
import { MessageList } from './message-list.tsx';
import { type Store, useStore } from './store.ts';
import { TeamState, useAvailability } from './team.tsx';
import { emailAskAt } from '../team.ts';

const Rating = lazy(() => import('./rating.tsx').then((module) => module.Rating));
const EmailAsk = lazy(() => import('./email-ask.tsx').then((module) => module.EmailAsk));

interface PanelProps {
  store: Store<ChatState, ChatEvent>;
  transport: VisitorTransport;
  api: VisitorApi;
  onClose(): void;
  strings: Strings;
  title: string;
  greeting: string;
}

const statusText = (status: ChatState['status'], strings: Strings): string | null =>
  status === 'online' ? null : strings[status];

export function Panel({ store, transport, api, onClose, strings, title, greeting }: PanelProps) {
  const state = useStore(store);
  const available = state.status !== 'blocked';
  const team = useAvailability(api, state.open && available);
  const input = useRef<HTMLTextAreaElement>(null);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const lastFocused = useRef<Element | null>(null);
  // Ending is offered only while there is a conversation to end.
  const canEnd = state.conversationId !== null && state.status !== 'blocked';
  const status = statusText(state.status, strings);
  const typing = typingText(state.typing, strings);

  useEffect(() => {
    if (state.open) input.current?.focus();
  }, [state.open]);

  // Ended meanwhile (by an operator, or from another tab): nothing is left to confirm. If the menu or the
  // question had focus, it went with them: keep it in the panel, where Tab and Escape are handled.
  useEffect(() => {
    if (canEnd) return;
    setConfirming(false);
    if (state.open && lastFocused.current && !lastFocused.current.isConnected) input.current?.focus();
  }, [canEnd]);

  const answer = (end: boolean) => {
    setConfirming(false);
    if (end) transport.end();
    (end ? input.current : menuButton.current)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
    trapTab(event, event.currentTarget as HTMLElement);
  };

  return (
    <div
      class="panel"
      role="dialog"
      aria-modal="true"
      aria-labelledby="lc-title"
      data-testid="lc-panel"
      hidden={!state.open}
      onKeyDown={onKeyDown}
      onFocusIn={(event) => (lastFocused.current = event.target as Element)}
    >
      <header>
        <h2 id="lc-title">{title}</h2>
        {canEnd && <HeaderMenu strings={strings} buttonRef={menuButton} onEnd={() => setConfirming(true)} />}
        <button
          class="icon close"
          type="button"
          aria-label={strings.closeChat}
          data-testid="lc-close"
          onClick={onClose}
        >
          <svg
            width="18"
            height="18"
            viewBox="0 0 24 24"
            fill="none"
            stroke="currentColor"
            stroke-width="2.2"
            aria-hidden="true"
          >
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </header>
      {confirming && canEnd && <EndConfirm strings={strings} onAnswer={answer} />}
      {status && (
        <p class={`status ${state.status}`} data-testid="lc-status" role="status">
          {status}
        </p>
      )}
      {team && available && state.messages.length === 0 && <TeamState team={team} strings={strings} />}
      <MessageList
        messages={state.messages}
        ended={state.ended}
        outbox={state.outbox}
        onRetry={(clientId) => transport.retry(clientId)}
        onDiscard={(clientId) => transport.discard(clientId)}
        strings={strings}
        greeting={greeting}
      />
      {state.rateable && available && (
        <Rating key={state.rateable} api={api} conversationId={state.rateable} strings={strings} />
      )}
      {available && emailAskAt(team?.state === 'away', state.messages) !== null && (
        <EmailAsk api={api} away={team?.state === 'away'} messages={state.messages} strings={strings} />
      )}
      <p class="typing" aria-live="polite">
        {typing && <span data-testid="lc-typing">{typing}</span>}
      </p>
      <Composer
        inputRef={input}
        disabled={state.status === 'blocked'}
        strings={strings}
        prefill={state.prefill}
        onSend={(body) => transport.send(body)}
        onTyping={(active) => (active ? transport.noteTyping() : transport.stopTyping())}
      />
    </div>
  );
}
