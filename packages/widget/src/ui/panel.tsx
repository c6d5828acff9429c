// The chat panel: header, connection status, message log, who is typing, and the composer (or the pre-chat form before it).

import type { PrechatForm } from '@livechat/protocol';
import type { ComponentProps } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Strings } from '../i18n.ts';
import { emailAskAt } from '../email-ask-at.ts';
import type { VisitorTransport } from '../transport.ts';
import type { VisitorApi } from '../visitor-api.ts';
import { type ChatEvent, type ChatState, typingText } from './chat-state.ts';
import { Composer } from './composer.tsx';
import { trapTab } from './focus-trap.ts';
import { HeaderMenu } from './header-menu.tsx';
import { lazy } from './lazy.tsx';
import { MessageList } from './message-list.tsx';
import { prechatFields } from './prechat-fields.ts';
import { type Store, useStore } from './store.ts';
import { TeamState, useAvailability } from './team.tsx';

// Each a chunk of its own, with its styles: most visitors never open the menu, rate, leave an email or fill a form.
const EndConfirm = lazy(
  () => import('./menu.tsx').then((m) => ({ component: m.EndConfirm, css: m.CONFIRM_CSS })),
  true,
);
const Transcript = lazy(
  () => import('./transcript.tsx').then((m) => ({ component: m.TranscriptForm, css: m.CSS })),
  true,
);
const Rating = lazy(() => import('./rating.tsx').then((m) => ({ component: m.Rating, css: m.CSS })), true);
const EmailAskPart = lazy(() => import('./email-ask.tsx').then((m) => ({ component: m.EmailAsk, css: m.CSS })));
// Its words with it: the notice's, and the menu's and the forms' (one chunk per language, loaded once).
const LimitNotice = lazy(() => import('./limit-notice.tsx').then((m) => ({ component: m.LimitNotice })), true);
const Prechat = lazy(() => import('./prechat.tsx').then((m) => ({ component: m.Prechat, css: m.CSS })), true);
// Shown only beside the closed launcher, so never while the chat is open.
const Preview = lazy(() => import('./preview.tsx').then((m) => ({ component: m.Preview, css: m.CSS })), true);

/**
 * The email ask's chunk is fetched once the ask is due, not when the visitor writes: one answered within the
 * minute never needs it. Due once, it stays mounted; this renders it again whenever a later `at` comes due.
 */
function EmailAsk(props: ComponentProps<typeof EmailAskPart>) {
  const [, setTick] = useState(0);
  const due = useRef(false);
  const wait = props.at - Date.now();
  useEffect(() => {
    if (wait <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), wait);
    return () => clearTimeout(timer);
  }, [props.at]);
  if (wait <= 0) due.current = true;
  return due.current ? <EmailAskPart {...props} /> : null;
}

interface PanelProps {
  store: Store<ChatState, ChatEvent>;
  transport: VisitorTransport;
  api: VisitorApi;
  onClose(): void;
  strings: Strings;
  title: string;
  greeting: string;
  lang: string;
  prechat: PrechatForm;
  /** Whether this visitor had answered the pre-chat form already when the panel was mounted (this site, this browser). */
  prechatDone: boolean;
  onPrechatDone(): void;
}

/** Too many tabs is the limit notice's to say, with its words. */
const statusText = (status: ChatState['status'], strings: Strings): string | null =>
  status === 'online' || status === 'crowded' ? null : strings[status];

/** The conversation a transcript would be of: the open one, or the one that just ended. */
const transcriptOf = (state: ChatState): string | null =>
  state.conversationId ?? state.rateable ?? state.ended.at(-1)?.conversationId ?? null;

export function Panel(props: PanelProps) {
  const { store, transport, api, onClose, strings } = props;
  const state = useStore(store);
  const available = state.status !== 'blocked';
  const team = useAvailability(api, state.open && available);
  const input = useRef<HTMLTextAreaElement>(null);
  const drop = useRef<(files: ArrayLike<File>) => void>(undefined);
  const menuButton = useRef<HTMLButtonElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [mailing, setMailing] = useState(false);
  // Left in the email ask: the transcript form offers it, while the ask keeps saying where answers go.
  const [leftEmail, setLeftEmail] = useState<string | null>(null);
  // Answered once, even with an optional field left empty, the form is not asked again.
  const [prechatDone, setPrechatDone] = useState(props.prechatDone);
  const lastFocused = useRef<Element | null>(null);
  // Ending is offered only while there is a conversation to end.
  const canEnd = state.conversationId !== null && available;
  const transcript = available ? transcriptOf(state) : null;
  const status = statusText(state.status, strings);
  const typing = typingText(state.typing, strings);
  const askAt = emailAskAt(team?.state === 'away', state.messages);
  const fresh = state.conversationId === null && state.messages.length + state.ended.length + state.outbox.length === 0;
  const asked = prechatDone || !fresh || !available ? [] : prechatFields(props.prechat, state.known);

  // On opening, and once the pre-chat form gives way to the composer.
  useEffect(() => {
    if (state.open) input.current?.focus();
  }, [state.open, asked.length === 0]);

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
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault();
        drop.current?.(event.dataTransfer?.files ?? []);
      }}
      onFocusIn={(event) => (lastFocused.current = event.target as Element)}
    >
      <header>
        <h2 id="lc-title">{props.title}</h2>
        {transcript && (
          <HeaderMenu
            strings={strings}
            buttonRef={menuButton}
            canEnd={canEnd}
            onEnd={() => setConfirming(true)}
            onTranscript={() => setMailing(true)}
          />
        )}
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
      {mailing && transcript && (
        <Transcript
          api={api}
          conversationId={transcript}
          email={state.known.email ?? leftEmail}
          strings={strings}
          onDone={() => {
            setMailing(false);
            menuButton.current?.focus();
          }}
        />
      )}
      {status && (
        <p class={`status ${state.status}`} data-testid="lc-status" role="status">
          {status}
        </p>
      )}
      {(state.limitedUntil > 0 || state.status === 'crowded') && <LimitNotice state={state} strings={strings} />}
      {state.note && (
        <p class="status" data-testid="lc-link-error" role="alert">
          {state.note}
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
        greeting={props.greeting}
        lang={props.lang}
        seenSeq={state.seenSeq}
      />
      {state.rateable && available && (
        <Rating key={state.rateable} api={api} conversationId={state.rateable} strings={strings} />
      )}
      {available && !state.known.email && asked.length === 0 && askAt !== null && (
        <EmailAsk api={api} at={askAt} strings={strings} onSaved={setLeftEmail} />
      )}
      <p class="typing" aria-live="polite">
        {typing && <span data-testid="lc-typing">{typing}</span>}
      </p>
      {asked.length > 0 ? (
        <Prechat
          api={api}
          form={props.prechat}
          fields={asked}
          strings={strings}
          onDone={(given) => {
            store.dispatch({ type: 'visitor', ...given });
            setPrechatDone(true);
            props.onPrechatDone();
          }}
        />
      ) : (
        <Composer
          inputRef={input}
          disabled={state.status === 'blocked'}
          strings={strings}
          prefill={state.prefill}
          dropRef={drop}
          onSend={(body, attachments) => transport.send(body, attachments.length ? attachments : undefined)}
          onTyping={(active) => (active ? transport.noteTyping() : transport.stopTyping())}
        />
      )}
    </div>
  );
}

/** The preview of an unread reply beside the closed launcher, when there is one. */
export function Unread({
  store,
  strings,
  onOpen,
}: {
  store: Store<ChatState, ChatEvent>;
  strings: Strings;
  onOpen(): void;
}) {
  const state = useStore(store);
  if (state.open || state.unread === 0) return null;
  return (
    <Preview
      state={state}
      strings={strings}
      onOpen={onOpen}
      onDismiss={() => store.dispatch({ type: 'dismiss-preview' })}
    />
  );
}
