// The interface between the SDK core and the chat UI it loads on demand (/widget/ chunk, or the npm build's chunk).

import type { AttachmentSettings, PrechatForm } from '@livechat/protocol';
import type { ChatErrorInfo, ChatEvents } from './api.ts';
import type { Locale, Strings } from './i18n.ts';
import type { KeyValueStore } from './storage.ts';

/** The core's launcher, which the UI renders next to and reports back to. */
export interface LauncherHandle {
  /** The open shadow root holding the launcher; the panel and its styles are added to it. */
  root: ShadowRoot;
  /** The launcher button. */
  button: HTMLElement;
  /** Shows the number of operator messages the visitor has not seen; 0 hides the badge. */
  setUnread(count: number): void;
  /** Reflects the panel opening or closing, whoever did it (launcher, Esc, close button, API). */
  setOpen(open: boolean): void;
}

/** The visitor's credentials, owned by the core so page views and the socket share one identity. */
export interface TokenSource {
  /** The visitor's bearer token, minted by the server on first use. */
  token(): Promise<string>;
  /** Replaces a token the server rejected (HTTP 401, or a refused upgrade that HTTP explains) and returns the new one. */
  renew(rejected: string): Promise<string>;
  /** An authenticated request to the site's API; a 401 renews the token and retries once. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface MountOptions {
  /** The chat server, e.g. `https://chat.example.com`. */
  origin: string;
  siteId: string;
  storage: KeyValueStore;
  session: TokenSource;
  launcher: LauncherHandle;
  strings: Strings;
  title: string;
  greeting: string;
  lang: Locale;
  dir: 'ltr' | 'rtl';
  /** The site's pre-chat form. */
  prechat: PrechatForm;
  /** What the site lets visitors attach, as the server said. */
  attachments?: AttachmentSettings | undefined;
  /** The server has refused this embed already: show that chat is not available, and never connect. */
  blocked: boolean;
  /** The server refused this embed while connecting (`bad_origin`, `not_found`): no retry can help. */
  refused(error: ChatErrorInfo): void;
  /** Reports SDK events (message, messageSent, conversationStarted, conversationEnded, error). */
  emit<E extends keyof ChatEvents>(event: E, payload: ChatEvents[E]): void;
  /** Puts focus back where it was before the panel opened. */
  restoreFocus(): void;
}

/** Control over a mounted chat UI. */
export interface ChatUI {
  open(): void;
  close(): void;
  isOpen(): boolean;
  /** Sends a message as the visitor, as if typed in the composer. */
  send(text: string): void;
  /** Puts text in the composer for the visitor to edit and send. */
  prefill(text: string): void;
  /** Stops connecting for good and shows that chat is not available. */
  block(): void;
  /** Shows a note at the top of the panel (an email link that expired). */
  note(text: string): void;
  /** Closes the socket, clears its timers and removes the panel. */
  destroy(): void;
}

/** The shape of the lazily loaded UI module. */
export interface UIModule {
  mount(options: MountOptions): ChatUI;
}
