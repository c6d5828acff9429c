// The chat UI served at /widget/ui.js: mount() connects the visitor's socket and renders the panel.

import type { Author } from '@livechat/protocol';
import { render } from 'preact';
import { storageKey } from '../storage.ts';
import { type TransportEvent, VisitorTransport } from '../transport.ts';
import type { ChatUI, MountOptions } from '../ui-contract.ts';
import { formatReadMarker, initialChatState, parseReadMarker, reduceChat } from './chat-state.ts';
import { Panel } from './panel.tsx';
import { createStore } from './store.ts';
import { PANEL_CSS } from './styles.ts';

export type { ChatUI, MountOptions } from '../ui-contract.ts';

/** An operator whose client stopped reporting (closed tab, lost network) is no longer shown typing. */
const TYPING_EXPIRY_MS = 6_000;

export function mount(options: MountOptions): ChatUI {
  const readKey = storageKey(options.siteId, 'read');
  const style = document.createElement('style');
  style.textContent = PANEL_CSS;
  const container = document.createElement('div');
  options.launcher.root.append(style, container);
  const store = createStore(initialChatState, reduceChat);
  const typingTimers = new Map<string | null, ReturnType<typeof setTimeout>>();

  const expireTyping = (author: Author, active: boolean) => {
    clearTimeout(typingTimers.get(author.id));
    if (!active) return;
    typingTimers.set(
      author.id,
      setTimeout(() => store.dispatch({ type: 'typing', author, active: false }), TYPING_EXPIRY_MS),
    );
  };

  const onEvent = (event: TransportEvent) => {
    if (event.type === 'conversation') {
      const readSeq = parseReadMarker(options.storage.get(readKey), event.conversationId);
      store.dispatch({ ...event, readSeq });
      return;
    }
    if (event.type === 'typing') expireTyping(event.author, event.active);
    store.dispatch(event);
  };

  const transport = new VisitorTransport({
    origin: options.origin,
    siteId: options.siteId,
    storage: options.storage,
    getToken: options.session.token,
    renewToken: options.session.renew,
    onEvent,
  });

  let shownUnread = 0;
  let savedRead = '';
  const unsubscribe = store.subscribe((state) => {
    if (state.unread !== shownUnread) options.launcher.setUnread((shownUnread = state.unread));
    if (state.conversationId && state.readSeq > 0) {
      const marker = formatReadMarker(state.conversationId, state.readSeq);
      if (marker !== savedRead) options.storage.set(readKey, (savedRead = marker));
    }
  });

  const ui: ChatUI = {
    open() {
      if (store.get().open) return;
      store.dispatch({ type: 'open' });
      options.launcher.setOpen(true);
    },
    close() {
      if (!store.get().open) return;
      transport.stopTyping();
      store.dispatch({ type: 'close' });
      options.launcher.setOpen(false);
      options.launcher.button.focus();
    },
    isOpen: () => store.get().open,
    destroy() {
      unsubscribe();
      transport.stop();
      for (const timer of typingTimers.values()) clearTimeout(timer);
      render(null, container);
      container.remove();
      style.remove();
    },
  };

  render(<Panel store={store} transport={transport} onClose={ui.close} />, container);
  transport.start();
  return ui;
}
