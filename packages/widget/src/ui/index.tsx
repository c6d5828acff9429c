// The chat UI the SDK core loads on demand: mount() connects the visitor's socket and renders the panel.

import type { Author, Message } from '@livechat/protocol';
import type { ChatMessage } from '../api.ts';
import { render } from 'preact';
import { files } from '../files-context.ts';
import { storageKey } from '../storage.ts';
import { type TransportEvent, VisitorTransport } from '../transport.ts';
import { refusalOf } from '../refusal.ts';
import { askSite } from '../site-config.ts';
import { visitorApi } from '../visitor-api.ts';
import type { ChatUI, MountOptions } from '../ui-contract.ts';
import {
  type ChatState,
  formatReadMarker,
  initialChatState,
  parseReadMarker,
  reduceChat,
  shownMessages,
} from './chat-state.ts';
import { Panel, Unread } from './panel.tsx';
import { prepareParts } from './lazy.tsx';
import { createStore } from './store.ts';
import { PANEL_CSS } from './styles.ts';

export type { ChatUI, MountOptions } from '../ui-contract.ts';

/** An operator whose client stopped reporting (closed tab, lost network) is no longer shown typing. */
const TYPING_EXPIRY_MS = 6_000;

const toChatMessage = (message: Message): ChatMessage => ({
  id: message.id,
  conversationId: message.conversationId,
  body: message.body,
  author: { kind: message.author.kind, name: message.author.name },
  createdAt: message.createdAt,
});

export function mount(options: MountOptions): ChatUI {
  const readKey = storageKey(options.siteId, 'read');
  const prechatKey = storageKey(options.siteId, 'prechat');
  const style = document.createElement('style');
  style.textContent = PANEL_CSS;
  const container = document.createElement('div');
  container.lang = options.lang;
  container.dir = options.dir;
  options.launcher.root.append(style, container);
  prepareParts(options.launcher.root, options.lang);
  Object.assign(files, options);
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
    if (event.type === 'ended') options.emit('conversationEnded', { conversationId: event.conversationId });
    if (event.type === 'typing') expireTyping(event.author, event.active);
    if (event.type === 'error') return options.emit('error', { code: event.code, message: event.message });
    if (event.type === 'refused') return options.refused({ code: event.code, message: event.message });
    if (event.type === 'messages' && !event.history) announce(event.messages);
    store.dispatch(event);
  };

  /** Tells the page about messages it has not heard of yet (an ack and a broadcast may bring the same one). */
  const announce = (messages: readonly Message[]) => {
    const known = new Set(shownMessages(store.get()).map((message) => message.id));
    for (const message of messages) {
      if (known.has(message.id)) continue;
      if (message.seq === 1) options.emit('conversationStarted', { conversationId: message.conversationId });
      options.emit(message.author.kind === 'visitor' ? 'messageSent' : 'message', toChatMessage(message));
    }
  };

  const transport = new VisitorTransport({
    origin: options.origin,
    siteId: options.siteId,
    storage: options.storage,
    getToken: options.session.token,
    renewToken: options.session.renew,
    siteRefusal: () =>
      askSite(options.origin, options.siteId).then((answer) => answer && refusalOf(answer.status, answer.body)),
    onEvent,
  });

  /** An open, visible panel showing operator messages tells the server how far the visitor has read. */
  const reportRead = (state: ChatState = store.get()) => {
    if (!state.open || document.visibilityState !== 'visible') return;
    const last = state.messages.at(-1);
    if (last && state.messages.some((message) => message.author.kind === 'operator')) transport.markRead(last.seq);
  };
  const onVisibility = () => reportRead();
  document.addEventListener('visibilitychange', onVisibility);

  let shownUnread = 0;
  let savedRead = '';
  const unsubscribe = store.subscribe((state) => {
    reportRead(state);
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
      options.restoreFocus();
    },
    isOpen: () => store.get().open,
    send(text) {
      if (text.trim()) transport.send(text.trim());
    },
    prefill(text) {
      store.dispatch({ type: 'prefill', text });
    },
    block() {
      transport.stop();
      store.dispatch({ type: 'status', status: 'blocked' });
    },
    note(text) {
      store.dispatch({ type: 'note', text });
    },
    destroy() {
      unsubscribe();
      document.removeEventListener('visibilitychange', onVisibility);
      transport.stop();
      for (const timer of typingTimers.values()) clearTimeout(timer);
      render(null, container);
      container.remove();
      style.remove();
    },
  };

  render(
    <>
      <Panel
        store={store}
        transport={transport}
        api={visitorApi(options.origin, options.siteId, options.session)}
        onClose={ui.close}
        strings={options.strings}
        title={options.title}
        greeting={options.greeting}
        lang={options.lang}
        prechat={options.prechat}
        prechatDone={options.storage.get(prechatKey) !== null}
        onPrechatDone={() => options.storage.set(prechatKey, '1')}
      />
      <Unread store={store} strings={options.strings} onOpen={ui.open} />
    </>,
    container,
  );
  if (options.blocked) ui.block();
  else transport.start();
  return ui;
}
