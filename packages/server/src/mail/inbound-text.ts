// What a visitor wrote in an email reply: the new text only, without the quoted conversation or a signature.

import { htmlToText } from 'html-to-text';

/** The lines where what the visitor wrote ends and a quote or a signature begins. */
const CUT_LINES: readonly RegExp[] = [
  // The signature delimiter ("-- "), which some clients send without its space.
  /^-- ?$/,
  // Outlook and others: "-----Original Message-----", in the languages clients write it in most.
  /^-{2,}\s*(original message|message d'origine|mensaje original|ursprüngliche nachricht)\s*-{2,}$/i,
  // Outlook's separator above its header block.
  /^_{20,}$/,
  // The line mobile clients add under a reply, above the quote.
  /^(sent from my \S+|get outlook for \S+|envoyé de mon \S+)/i,
];

/**
 * The attribution line above a quote, which clients wrap over up to three lines, in the widget's languages:
 * "On … wrote:", "Le … a écrit :", "في … كتب …:".
 */
const ATTRIBUTIONS: readonly RegExp[] = [
  /^on\b[^\n]*(\n[^\n]*){0,2}?\bwrote\s*:\s*$/im,
  /^le\b[^\n]*(\n[^\n]*){0,2}?\ba écrit\s*:\s*$/im,
  /^في [^\n]*(\n[^\n]*){0,2}?كتب[^\n]*:\s*$/m,
];

/** A quoted header block ("From: …" then "Sent:" or "Date:"), as Outlook starts a quoted reply. */
const HEADER_BLOCK = /^\*?(from|de|von)\s*:\*?\s.+\n(.*\n){0,2}\*?(sent|date|envoyé|gesendet)\s*:\*?\s/im;

function cutAt(text: string, index: number): string {
  return index >= 0 ? text.slice(0, index) : text;
}

/**
 * Removes what clients add below or around a reply: quoted lines (`>`), the attribution above a quote
 * ("On … wrote:"), Outlook's original-message header block and the signature, then trims.
 */
export function stripQuotedText(text: string): string {
  let body = text.replace(/\r\n?/g, '\n');
  for (const attribution of ATTRIBUTIONS) body = cutAt(body, body.search(attribution));
  body = cutAt(body, body.search(HEADER_BLOCK));
  const kept: string[] = [];
  for (const line of body.split('\n')) {
    if (CUT_LINES.some((cut) => cut.test(line.trimEnd()))) break;
    // Interleaved answers stay; the lines they answer go.
    if (line.startsWith('>')) continue;
    kept.push(line.trimEnd());
  }
  return kept
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** HTML as text, leaving out the containers clients put quotes and signatures in. */
export function htmlReplyText(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'blockquote', format: 'skip' },
      // Gmail's quote and signature, Thunderbird's attribution. Outlook's quote has no container: its
      // header block stays, for stripQuotedText to cut there.
      { selector: '.gmail_quote', format: 'skip' },
      { selector: '.gmail_signature', format: 'skip' },
      { selector: '.moz-cite-prefix', format: 'skip' },
    ],
  });
}

/** The visitor's new text: the plain part when there is one, else the HTML as text; quotes and signature removed. */
export function replyText(mail: { text?: string | undefined; html?: string | false | undefined }): string {
  if (mail.text?.trim()) return stripQuotedText(mail.text);
  if (mail.html) return stripQuotedText(htmlReplyText(mail.html));
  return '';
}
