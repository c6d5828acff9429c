// The widget's words in English, French and Arabic, and which language and direction a visitor gets.

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
  connecting: string;
  reconnecting: string;
  offline: string;
  blocked: string;
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
}

const en: Strings = {
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
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back online.',
  blocked: 'Chat is not available on this website.',
  sending: 'Sending…',
  notSent: 'Not sent:',
  retry: 'Retry',
  delete: 'Delete',
  typingOne: '{name} is typing…',
  typingMany: '{names} are typing…',
  and: 'and',
  someone: 'Someone',
  menu: 'Conversation options',
  endConversation: 'End the conversation',
  endConfirm: 'End this conversation?',
  yes: 'Yes',
  no: 'No',
  newConversation: 'New conversation',
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
  rateAsk: 'How was this conversation?',
  rateGood: 'Good',
  rateOkay: 'Okay',
  rateBad: 'Bad',
  rateComment: 'A comment (optional)',
  rateSend: 'Send',
  rateThanks: 'Thank you for your rating!',
  failed: 'Not sent. Please try again.',
};

const fr: Strings = {
  openChat: 'Ouvrir le chat',
  hideChat: 'Masquer le chat',
  closeChat: 'Fermer le chat',
  unread: '{n} non lu(s)',
  title: 'Discutons',
  greeting: 'Bonjour ! Posez-nous vos questions, nous répondons en général en quelques minutes.',
  messages: 'Messages',
  message: 'Message',
  placeholder: 'Écrivez un message…',
  send: 'Envoyer',
  connecting: 'Connexion…',
  reconnecting: 'Connexion perdue. Reconnexion…',
  offline: 'Vous êtes hors ligne. Vos messages partiront dès votre retour en ligne.',
  blocked: 'Le chat n’est pas disponible sur ce site.',
  sending: 'Envoi…',
  notSent: 'Non envoyé :',
  retry: 'Réessayer',
  delete: 'Supprimer',
  typingOne: '{name} écrit…',
  typingMany: '{names} écrivent…',
  and: 'et',
  someone: 'Quelqu’un',
  menu: 'Options de la conversation',
  endConversation: 'Mettre fin à la conversation',
  endConfirm: 'Mettre fin à cette conversation ?',
  yes: 'Oui',
  no: 'Non',
  newConversation: 'Nouvelle conversation',
  systemJoined: '{name} a rejoint la conversation',
  systemResolved: '{name} a clôturé la conversation',
  systemEnded: 'Vous avez mis fin à la conversation',
  systemTransferred: 'La conversation a été transférée à {name}',
  online: 'En ligne',
  replyUnderMinute: 'Répond en général en moins d’une minute',
  replyMinute: 'Répond en général en une minute',
  replyMinutes: 'Répond en général en {n} minutes',
  replyHours: 'Répond en général en {n} heures',
  away: 'Nous sommes absents pour le moment. Laissez un message et votre e-mail : nous vous répondrons par e-mail.',
  emailLabel: 'Votre e-mail, pour notre réponse',
  save: 'Enregistrer',
  emailInvalid: 'Cette adresse e-mail n’est pas valide.',
  emailSaved: 'Nous vous écrirons à {email}',
  rateAsk: 'Comment s’est passée cette conversation ?',
  rateGood: 'Bien',
  rateOkay: 'Moyen',
  rateBad: 'Mal',
  rateComment: 'Un commentaire (facultatif)',
  rateSend: 'Envoyer',
  rateThanks: 'Merci pour votre avis !',
  failed: 'Non envoyé. Veuillez réessayer.',
};

const ar: Strings = {
  openChat: 'فتح المحادثة',
  hideChat: 'إخفاء المحادثة',
  closeChat: 'إغلاق المحادثة',
  unread: '{n} غير مقروءة',
  title: 'تحدث معنا',
  greeting: 'مرحبًا! اسألنا أي شيء، نرد عادةً خلال دقائق.',
  messages: 'الرسائل',
  message: 'رسالة',
  placeholder: 'اكتب رسالة…',
  send: 'إرسال',
  connecting: 'جارٍ الاتصال…',
  reconnecting: 'انقطع الاتصال. جارٍ إعادة الاتصال…',
  offline: 'أنت غير متصل. ستُرسل رسائلك عند عودة الاتصال.',
  blocked: 'المحادثة غير متاحة على هذا الموقع.',
  sending: 'جارٍ الإرسال…',
  notSent: 'لم تُرسل:',
  retry: 'إعادة المحاولة',
  delete: 'حذف',
  typingOne: '{name} يكتب…',
  typingMany: '{names} يكتبون…',
  and: 'و',
  someone: 'شخص ما',
  menu: 'خيارات المحادثة',
  endConversation: 'إنهاء المحادثة',
  endConfirm: 'هل تريد إنهاء هذه المحادثة؟',
  yes: 'نعم',
  no: 'لا',
  newConversation: 'محادثة جديدة',
  systemJoined: 'انضم {name} إلى المحادثة',
  systemResolved: 'أغلق {name} المحادثة',
  systemEnded: 'لقد أنهيت المحادثة',
  systemTransferred: 'حُوّلت المحادثة إلى {name}',
  online: 'متصلون الآن',
  replyUnderMinute: 'نرد عادةً في أقل من دقيقة',
  replyMinute: 'نرد عادةً خلال دقيقة',
  replyMinutes: 'نرد عادةً خلال {n} دقيقة',
  replyHours: 'نرد عادةً خلال {n} ساعة',
  away: 'لسنا متاحين الآن. اترك رسالة وبريدك الإلكتروني: سنرد عليك بالبريد.',
  emailLabel: 'بريدك الإلكتروني لتصلك إجابتنا',
  save: 'حفظ',
  emailInvalid: 'عنوان البريد الإلكتروني غير صالح.',
  emailSaved: 'سنتواصل معك على {email}',
  rateAsk: 'كيف كانت هذه المحادثة؟',
  rateGood: 'جيدة',
  rateOkay: 'مقبولة',
  rateBad: 'سيئة',
  rateComment: 'تعليق (اختياري)',
  rateSend: 'إرسال',
  rateThanks: 'شكرًا على تقييمك!',
  failed: 'لم يُرسل. يُرجى المحاولة مجددًا.',
};

export const LOCALES = { en, fr, ar } as const;
export type Locale = keyof typeof LOCALES;
const RTL: ReadonlySet<Locale> = new Set(['ar']);

/** The first supported language among the requested one and the browser's, by primary subtag (`fr-CA` → `fr`). */
export function resolveLocale(requested: string | undefined, browser: readonly string[] = []): Locale {
  for (const tag of [requested, ...browser]) {
    const primary = tag?.toLowerCase().split(/[-_]/)[0];
    if (primary && primary in LOCALES) return primary as Locale;
  }
  return 'en';
}

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

export const stringsFor = (locale: Locale): Strings => LOCALES[locale];

/** Replaces `{key}` placeholders. */
export function format(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}
