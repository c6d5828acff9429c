import { describe, expect, it } from 'vitest';
import { automaticMailReason, replyToken } from './inbound-checks.ts';
import { replyText, stripQuotedText } from './inbound-text.ts';

describe('the text of an email reply', () => {
  it('keeps what was written above a Gmail-style attribution and its quote', () => {
    const text = [
      'Yes, the blue one please.',
      '',
      'On Mon, Dec 7, 2026 at 10:04 AM Shop <reply+abc@chat.example.com>',
      'wrote:',
      '',
      '> Which colour would you like?',
      '>',
    ].join('\r\n');
    expect(stripQuotedText(text)).toBe('Yes, the blue one please.');
  });

  it("cuts at Outlook's original message and its header block", () => {
    const original = 'Thanks!\n\n-----Original Message-----\nFrom: Shop\nSent: Monday\n\nWhich colour?';
    expect(stripQuotedText(original)).toBe('Thanks!');
    const block = 'Thanks!\n\nFrom: Shop <reply+abc@chat.example.com>\nSent: Monday, December 7, 2026 10:04\nTo: Ada';
    expect(stripQuotedText(block)).toBe('Thanks!');
    const underlined = `Thanks!\n${'_'.repeat(32)}\nFrom: Shop`;
    expect(stripQuotedText(underlined)).toBe('Thanks!');
  });

  it('drops the signature, quoted lines between answers, and French and Arabic attributions', () => {
    expect(stripQuotedText('Merci\n-- \nAda Lovelace\nAnalytical Engines Ltd')).toBe('Merci');
    expect(stripQuotedText('> Size?\nM\n> Colour?\nBlue')).toBe('M\nBlue');
    expect(stripQuotedText('Oui\n\nLe lun. 7 déc. 2026 à 10:04, Shop <x@y> a écrit :\n> Quelle taille ?')).toBe('Oui');
    expect(stripQuotedText('نعم\n\nفي الاثنين، 7 ديسمبر 2026، كتب Shop <x@y>:\n> ؟')).toBe('نعم');
  });

  it('keeps ordinary lines that only look a little like a quote header', () => {
    const text = 'On Monday the parcel never came.\nFrom: the courier, nothing either.';
    expect(stripQuotedText(text)).toBe(text);
  });

  it("turns HTML-only mail into text without Gmail's quote container or a blockquote", () => {
    const html = `<div dir="ltr">Yes, <b>the blue one</b>.<br>Thanks</div><br>
      <div class="gmail_quote"><div class="gmail_attr">On Mon, Shop wrote:</div>
      <blockquote class="gmail_quote">Which colour?</blockquote></div>`;
    expect(replyText({ html })).toBe('Yes, the blue one.\nThanks');
    expect(replyText({ html: '<p>Fine</p><blockquote type="cite">Earlier words</blockquote>' })).toBe('Fine');
  });

  it('prefers the plain part, and is empty when only a quote was sent', () => {
    expect(replyText({ text: 'Plain', html: '<p>Rich</p>' })).toBe('Plain');
    expect(replyText({ text: '> only the quote\n' })).toBe('');
    expect(replyText({})).toBe('');
  });
});

describe('what the envelope and headers say', () => {
  it('reads the token of a reply address in any case, on the mail domain only', () => {
    expect(replyToken('reply+abc234@chat.example.com', 'chat.example.com')).toBe('abc234');
    expect(replyToken('REPLY+ABC234@Chat.Example.COM', 'chat.example.com')).toBe('abc234');
    expect(replyToken('reply+abc234@other.example.com', 'chat.example.com')).toBeNull();
    expect(replyToken('support@chat.example.com', 'chat.example.com')).toBeNull();
    expect(replyToken('reply+not-base32!@chat.example.com', 'chat.example.com')).toBeNull();
  });

  it('knows automatic mail by its headers or its null return path', () => {
    const headers = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
    expect(automaticMailReason(headers({}), 'ada@example.com')).toBeNull();
    expect(automaticMailReason(headers({ 'auto-submitted': 'no' }), 'ada@example.com')).toBeNull();
    expect(automaticMailReason(headers({}), '')).toMatch(/null return path/);
    expect(automaticMailReason(headers({ 'auto-submitted': 'auto-replied' }), 'a@b')).toMatch(/Auto-Submitted/);
    for (const precedence of ['bulk', 'auto_reply', 'list', 'junk', 'Bulk']) {
      expect(automaticMailReason(headers({ precedence }), 'a@b')).toMatch(/Precedence/);
    }
    expect(automaticMailReason(headers({ precedence: 'first-class' }), 'a@b')).toBeNull();
    expect(automaticMailReason(headers({ 'x-autoreply': 'yes' }), 'a@b')).toBe('X-Autoreply');
    expect(automaticMailReason(headers({ 'x-auto-response-suppress': 'All' }), 'a@b')).toBe('X-Auto-Response-Suppress');
  });
});
