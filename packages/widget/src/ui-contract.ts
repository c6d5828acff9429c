// The interface between the tiny loader and the chat UI it loads on demand from /widget/ui.js.

import type { KeyValueStore } from './storage.ts';

/** The loader's launcher, which the UI renders next to and reports back to. */
export interface LauncherHandle {
  /** The open shadow root holding the launcher; the panel and its styles are added to it. */
  root: ShadowRoot;
  /** Focus returns to this button when the panel closes. */
  button: HTMLElement;
  /** Shows the number of operator messages the visitor has not seen; 0 hides the badge. */
  setUnread(count: number): void;
  /** Reflects the panel opening or closing, whoever did it (launcher, Esc, close button). */
  setOpen(open: boolean): void;
}

/** The visitor's credentials, owned by the loader so page views and the socket share one identity. */
export interface TokenSource {
  /** The visitor's bearer token, minted by the server on first use. */
  token(): Promise<string>;
  /** Replaces a token the server rejected (HTTP 401, socket close 4401) and returns the new one. */
  renew(rejected: string): Promise<string>;
}

export interface MountOptions {
  /** The chat server, e.g. `https://chat.example.com`. */
  origin: string;
  siteId: string;
  storage: KeyValueStore;
  session: TokenSource;
  launcher: LauncherHandle;
}

/** Control over a mounted chat UI. */
export interface ChatUI {
  open(): void;
  close(): void;
  isOpen(): boolean;
  /** Closes the socket and removes the panel. */
  destroy(): void;
}

/** The shape of the module at /widget/ui.js. */
export interface UIModule {
  mount(options: MountOptions): ChatUI;
}
