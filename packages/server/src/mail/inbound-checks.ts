// What an inbound mail's envelope and headers say before its text is read: its token, whether a machine sent it.

/**
 * The token of a reply address, `reply+TOKEN@MAIL_DOMAIN` (any case: mail systems may change it);
 * null for any other address.
 */
export function replyToken(address: string, mailDomain: string): string | null {
  const at = address.lastIndexOf('@');
  if (at < 0 || address.slice(at + 1).toLowerCase() !== mailDomain.toLowerCase()) return null;
  const match = /^reply\+([a-z2-7]+)$/i.exec(address.slice(0, at));
  return match?.[1]?.toLowerCase() ?? null;
}

/** Header values as mailparser gives them: strings, or structured values whose `value` is the text. */
export type HeaderLookup = Pick<Map<string, unknown>, 'get' | 'has'>;

const headerText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'value' in value && typeof value.value === 'string') return value.value;
  return '';
};

const BULK_PRECEDENCE = new Set(['bulk', 'auto_reply', 'list', 'junk']);

/**
 * Why the mail is an automatic one (an out-of-office, a bounce, a list's mail), or null when a person
 * wrote it. Such mail is dropped without an answer so that two machines never write to each other forever.
 */
export function automaticMailReason(headers: HeaderLookup, returnPath: string): string | null {
  if (returnPath === '') return 'a null return path (MAIL FROM:<>)';
  const autoSubmitted = headerText(headers.get('auto-submitted')).trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = headerText(headers.get('precedence')).trim().toLowerCase();
  if (BULK_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  if (headers.has('x-autoreply')) return 'X-Autoreply';
  if (headers.has('x-auto-response-suppress')) return 'X-Auto-Response-Suppress';
  return null;
}
