// The chat panel: header, connection status, message log, who is typing, and the composer.

import { useEffect, useRef } from 'preact/hooks';
import type { VisitorTransport } from '../transport.ts';
import { type ChatEvent, type ChatState, typingText } from './chat-state.ts';
import { Composer } from './composer.tsx';
import { MessageList } from './message-list.tsx';
import { type Store, useStore } from './store.ts';

interface PanelProps {
  store: Store<ChatState, ChatEvent>;
  transport: VisitorTransport;
  onClose(): void;
}

const STATUS_TEXT: Record<ChatState['status'], string | null> = {
  online: null,
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back online.',
  blocked: 'Chat is not available on this website.',
};

export function Panel({ store, transport, onClose }: PanelProps) {
  const state = useStore(store);
  const input = useRef<HTMLTextAreaElement>(null);
  const statusText = STATUS_TEXT[state.status];
  const typing = typingText(state.typing);

  useEffect(() => {
    if (state.open) input.current?.focus();
  }, [state.open]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
    }
  };

  return (
    <div
      class="panel"
      role="dialog"
      aria-label="Chat with us"
      data-testid="lc-panel"
      hidden={!state.open}
      onKeyDown={onKeyDown}
    >
      <header>
        <h2>Chat with us</h2>
        <button class="close" type="button" aria-label="Close chat" data-testid="lc-close" onClick={onClose}>
          <svg width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" aria-hidden="true">
            <path d="M6 6l12 12M18 6 6 18" />
          </svg>
        </button>
      </header>
      {statusText && (
        <p class={`status ${state.status}`} data-testid="lc-status" role="status">
          {statusText}
        </p>
      )}
      <MessageList
        messages={state.messages}
        outbox={state.outbox}
        onRetry={(clientId) => transport.retry(clientId)}
        onDiscard={(clientId) => transport.discard(clientId)}
      />
      <p class="typing" aria-live="polite">
        {typing && <span data-testid="lc-typing">{typing}</span>}
      </p>
      <Composer
        inputRef={input}
        disabled={state.status === 'blocked'}
        onSend={(body) => transport.send(body)}
        onTyping={(active) => (active ? transport.noteTyping() : transport.stopTyping())}
      />
    </div>
  );
}
