// The widget's English words (French and Arabic load on first use, and every language's words for the menu's
// items, the rating, the forms and the limit notice with the first of these parts), and which language and
// direction a visitor gets.

export interface Strings {
  openChat: string;
  hideChat: string;
  closeChat: string;
  /** "{n} unread", {n} replaced. */
  unread: string;
  title: string;
  greeting: string;
  messages: string;
  message: string;
  placeholder: string;
  send: string;
  /** The composer's file picker. */
  attach: string;
  connecting: string;
  reconnecting: string;
  offline: string;
  blocked: string;
  /** The server refused this socket: too many are open (tabs, windows). */
  crowded: string;
  /** The server asked to slow down; "{n}" seconds until the unsent messages go again. */
  rateLimited: string;
  sending: string;
  notSent: string;
  retry: string;
  delete: string;
  /** "{name} is typing…" */
  typingOne: string;
  /** "{names} are typing…" */
  typingMany: string;
  and: string;
  someone: string;
  /** The header menu's button. */
  menu: string;
  endConversation: string;
  endConfirm: string;
  yes: string;
  no: string;
  /** Between an ended conversation and the next one. */
  newConversation: string;
  /** System lines, {name} replaced: an operator joined, resolved, or took a transfer; the visitor ended it. */
  systemJoined: string;
  systemResolved: string;
  systemEnded: string;
  systemTransferred: string;
  /** The team's state before the visitor writes: reply time ({n} replaced), the default away message. */
  online: string;
  replyUnderMinute: string;
  replyMinute: string;
  replyMinutes: string;
  replyHours: string;
  away: string;
  /** The email ask; {email} replaced in emailSaved. */
  emailLabel: string;
  save: string;
  emailInvalid: string;
  emailSaved: string;
  /** The rating asked once a conversation ends. */
  rateAsk: string;
  rateGood: string;
  rateOkay: string;
  rateBad: string;
  rateComment: string;
  rateSend: string;
  rateThanks: string;
  /** A request that could not reach the server. */
  failed: string;
  /** Marks on the visitor's own messages. */
  delivered: string;
  seen: string;
  /** Closes the preview of an unread message beside the launcher. */
  dismiss: string;
  /** The pre-chat form. */
  prechatAsk: string;
  nameLabel: string;
  emailField: string;
  optional: string;
  required: string;
  start: string;
  /** The transcript by email, from the header menu; {email} replaced in transcriptSent. */
  transcript: string;
  transcriptLabel: string;
  transcriptSent: string;
  cancel: string;
  /** A reply email's link that can no longer open its conversation. */
  linkExpired: string;
}

export const en: CoreStrings = {
  openChat: 'Open chat',
  hideChat: 'Hide chat',
  closeChat: 'Close chat',
  unread: '{n} unread',
  title: 'Chat with us',
  greeting: 'Hi! Ask us anything, we usually reply in a few minutes.',
  messages: 'Messages',
  message: 'Message',
  placeholder: 'Write a message…',
  send: 'Send',
  attach: 'Attach files',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back online.',
  blocked: 'Chat is not available on this website.',
  sending: 'Sending…',
  typingOne: '{name} is typing…',
  typingMany: '{names} are typing…',
  and: 'and',
  someone: 'Someone',
  menu: 'Conversation options',
  systemJoined: '{name} joined',
  systemResolved: '{name} resolved the conversation',
  systemEnded: 'You ended the conversation',
  systemTransferred: 'The conversation was transferred to {name}',
  online: 'Online now',
  replyUnderMinute: 'Usually replies in under a minute',
  replyMinute: 'Usually replies in a minute',
  replyMinutes: 'Usually replies in {n} minutes',
  replyHours: 'Usually replies in {n} hours',
  away: 'We’re away right now. Leave a message and your email: we’ll answer by email.',
  emailLabel: 'Your email, for our answer',
  save: 'Save',
  emailInvalid: 'This email address is not valid.',
  emailSaved: 'We’ll reach you at {email}',
  failed: 'Not sent. Please try again.',
  delivered: 'Delivered',
  seen: 'Seen',
};

/** The words only the menu's items, the rating, the forms, the limit notice, the unread preview and an expired link's note use: every language loads them with the first of these parts. */
export type MoreStrings = Pick<
  Strings,
  | 'endConversation'
  | 'endConfirm'
  | 'yes'
  | 'no'
  | 'transcript'
  | 'transcriptLabel'
  | 'transcriptSent'
  | 'cancel'
  | 'rateAsk'
  | 'rateGood'
  | 'rateOkay'
  | 'rateBad'
  | 'rateComment'
  | 'rateSend'
  | 'rateThanks'
  | 'prechatAsk'
  | 'nameLabel'
  | 'emailField'
  | 'optional'
  | 'required'
  | 'start'
  | 'crowded'
  | 'rateLimited'
  | 'dismiss'
  | 'notSent'
  | 'retry'
  | 'delete'
  | 'newConversation'
  | 'linkExpired'
>;
export type CoreStrings = Omit<Strings, keyof MoreStrings>;

/** English ships in the core but for its MoreStrings; the others load on first use, so a visitor downloads one language only. */
const LOADERS = {
  fr: () => import('./locales/fr.ts'),
  ar: () => import('./locales/ar.ts'),
};
const MORE = {
  en: () => import('./locales/en-more.ts'),
  fr: () => import('./locales/fr-more.ts'),
  ar: () => import('./locales/ar-more.ts'),
};
export type Locale = 'en' | keyof typeof LOADERS;
// Until loadMoreStrings(), every locale's MoreStrings are missing: only the parts that load them read them.
const loaded: Partial<Record<Locale, Strings>> = { en: en as Strings };
/** Locales whose words are all there. */
const complete = new Set<Locale>();
const RTL: ReadonlySet<Locale> = new Set(['ar']);

/** The first supported language among the requested one and the browser's, by primary subtag (`fr-CA` → `fr`). */
export function resolveLocale(requested: string | undefined, browser: readonly string[] = []): Locale {
  for (const tag of [requested, ...browser]) {
    const primary = tag?.toLowerCase().split(/[-_]/)[0];
    if (primary === 'en' || (primary && primary in LOADERS)) return primary as Locale;
  }
  return 'en';
}

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

/** The locale's words once loadStrings() has them; English until then. */
export const stringsFor = (locale: Locale): Strings => loaded[locale] ?? (en as Strings);

/** Loads a locale's words; English stays when they cannot be fetched (the chat works in English rather than not at all). */
export async function loadStrings(locale: Locale): Promise<Strings> {
  if (locale !== 'en' && !loaded[locale]) {
    // Until loadMoreStrings(), the menu's and the forms' words are missing: only those parts read them.
    loaded[locale] = await LOADERS[locale]().then(
      (module) => module.default as Strings,
      () => undefined,
    );
  }
  return stringsFor(locale);
}

/**
 * Completes the locale's words (in place: the panel already holds them) before the menu's items, the rating or a
 * form shows: English ones should the locale's chunk not load; a rejection, should neither (the part is tried
 * again at its next mount).
 */
export async function loadMoreStrings(locale: Locale): Promise<void> {
  const words = loaded[locale];
  if (!words || complete.has(locale)) return;
  const more = await MORE[locale]().catch(() => MORE.en());
  Object.assign(words, more.default);
  complete.add(locale);
}

/** Replaces `{key}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
