// The public contract of the SDK: settings, the Chat object and its events, the same for the npm module and window.LiveChat.

/** Where the launcher and panel sit. */
export type ChatPosition = 'left' | 'right';

/** How the widget looks and behaves; every field is optional. */
export interface ChatSettings {
  /** Side of the screen; default `right`. */
  position?: ChatPosition;
  /** Launcher, header and visitor bubbles, as `#rgb` or `#rrggbb`; text on it is black or white, whichever reads better. */
  color?: string;
  /** Panel heading; default "Chat with us" in the visitor's language. */
  title?: string;
  /** Shown in an empty conversation; default "Hi! Ask us anything…" in the visitor's language. */
  greeting?: string;
  /** `en`, `fr` or `ar` (right-to-left), or a tag such as `fr-CA`; default: the browser's languages, then English. */
  locale?: string;
  /** Opens the panel as soon as the widget is ready. */
  open?: boolean;
  /** No launcher button: the page opens the chat with `open()` from its own button. */
  hideLauncher?: boolean;
  /** Records the first page and every History API or hash navigation; default true. */
  trackPageViews?: boolean;
}

/** `createChat()` options: the chat server and site, plus settings. */
export interface ChatOptions extends ChatSettings {
  /** The chat server's origin, e.g. `https://chat.example.com`. */
  server: string;
  /** The site id the server knows this website by. */
  site: string;
}

/** The user of the host site, for `identify()`. */
export interface ChatUser {
  /** The site's own user id (never shown to the visitor). */
  id: string;
  name?: string;
  email?: string;
  /** hex(HMAC-SHA256(site secret, id)), computed by the site's backend; required when the site enforces identity verification. */
  hash?: string;
}

/** Values of custom attributes; numbers and booleans are stored as text, `null` removes the attribute. */
export type AttributeValue = string | number | boolean | null;

export interface PageViewOptions {
  /** Absolute or relative to the current page; default: the current URL. */
  url?: string;
  /** Default: `document.title`. */
  title?: string;
}

/** A chat message as the SDK reports it. */
export interface ChatMessage {
  id: string;
  conversationId: string;
  body: string;
  author: { kind: 'visitor' | 'operator' | 'system'; name: string };
  /** ISO 8601 time the server stored it. */
  createdAt: string;
}

/**
 * Why something failed. `identity_invalid`: identify() without a valid hash on a site that
 * requires one, or with a wrong hash. `bad_origin`: this page's origin is not allowed for the
 * site. `bad_request`: the server refused the input. `network`: the server could not be reached.
 * `destroyed`: the chat was destroyed before the call completed.
 */
export interface ChatErrorInfo {
  code: string;
  message: string;
}

/** Event names and what their listeners receive. */
export interface ChatEvents {
  /** The widget is set up and has a visitor; listeners added later are called at once. */
  ready: { visitorId: string };
  open: undefined;
  close: undefined;
  /** A message from an operator (or the system) arrived. */
  message: ChatMessage;
  /** The server stored a message the visitor wrote. */
  messageSent: ChatMessage;
  /** Operator messages the visitor has not seen; 0 when the panel is open. */
  unreadCount: number;
  /** The visitor's first message started a conversation. */
  conversationStarted: { conversationId: string };
  /** The visitor's conversation ended (an operator resolved it, or the visitor ended it); their next message starts a new one. */
  conversationEnded: { conversationId: string };
  error: ChatErrorInfo;
}

export type ChatEventName = keyof ChatEvents;
export type ChatListener<E extends ChatEventName> = (payload: ChatEvents[E]) => void;

/** A chat widget on the page. */
export interface Chat {
  /** Opens the panel (loading it if needed). */
  open(): void;
  close(): void;
  toggle(): void;
  /** Shows the launcher (and lets the panel be opened again after hide()). */
  show(): void;
  /** Closes the panel and hides the launcher. */
  hide(): void;
  isOpen(): boolean;
  /** Tells the chat who the visitor is; with a valid hash, the same contact on every device. Rejects with a ChatError. */
  identify(user: ChatUser): Promise<void>;
  /** Logout: forgets the visitor on this browser and starts over as a new anonymous visitor. */
  reset(): Promise<void>;
  /** Custom attributes operators see beside the conversation. Rejects with a ChatError. */
  setAttributes(attributes: Record<string, AttributeValue>): Promise<void>;
  /** Sends a message as the visitor (starting a conversation if there is none). */
  sendMessage(text: string): Promise<void>;
  /** Opens the panel with this text in the composer, for the visitor to edit and send. */
  openWithMessage(text: string): Promise<void>;
  /** Records a page view, for apps that route without the History API. */
  trackPageView(page?: PageViewOptions): void;
  /** Subscribes to an event; returns the function that unsubscribes. */
  on<E extends ChatEventName>(event: E, listener: ChatListener<E>): () => void;
  off<E extends ChatEventName>(event: E, listener: ChatListener<E>): void;
  /** Removes every trace from the page: elements, listeners, timers, sockets, History API hooks. */
  destroy(): void;
}

/** Every method of Chat, in one list the script-tag loader, the docs and the tests share. */
export const CHAT_METHODS = [
  'open',
  'close',
  'toggle',
  'show',
  'hide',
  'isOpen',
  'identify',
  'reset',
  'setAttributes',
  'sendMessage',
  'openWithMessage',
  'trackPageView',
  'on',
  'off',
  'destroy',
] as const satisfies ReadonlyArray<keyof Chat>;

export const CHAT_EVENTS = [
  'ready',
  'open',
  'close',
  'message',
  'messageSent',
  'unreadCount',
  'conversationStarted',
  'conversationEnded',
  'error',
] as const satisfies ReadonlyArray<ChatEventName>;

export const CHAT_SETTINGS = [
  'position',
  'color',
  'title',
  'greeting',
  'locale',
  'open',
  'hideLauncher',
  'trackPageViews',
] as const satisfies ReadonlyArray<keyof ChatSettings>;

/** Fails to compile when Chat gains a method, event or setting the lists above miss. */
type Exhaustive<Unlisted extends never> = Unlisted;
export type EveryMethodListed = Exhaustive<Exclude<keyof Chat, (typeof CHAT_METHODS)[number]>>;
export type EveryEventListed = Exhaustive<Exclude<ChatEventName, (typeof CHAT_EVENTS)[number]>>;
export type EverySettingListed = Exhaustive<Exclude<keyof ChatSettings, (typeof CHAT_SETTINGS)[number]>>;

/** Settings the script tag reads from `window.LiveChatSettings`, beside its data-* attributes. */
export const SETTINGS_GLOBAL = 'LiveChatSettings';
/** The script tag's API: `window.LiveChat.open()`, or `LiveChat('open')` from the queue stub. */
export const API_GLOBAL = 'LiveChat';
