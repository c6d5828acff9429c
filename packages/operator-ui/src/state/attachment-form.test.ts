// Settings → Sites → Attachments: MB with one decimal both ways, the API's range, and only what changed is sent.

import { describe, expect, it } from 'vitest';
import { attachmentChanges, attachmentDraft, megabytesText, parseMaxMb, toggleKind } from './attachment-form.ts';

const MB = 1024 * 1024;
const stored = { maxBytes: 10 * MB, kinds: ['image', 'pdf', 'text', 'office'] as const };

describe('the attachments form', () => {
  it('shows MB with one decimal', () => {
    expect(megabytesText(10 * MB)).toBe('10');
    expect(megabytesText(2.5 * MB)).toBe('2.5');
    expect(megabytesText(1_234_567)).toBe('1.2');
    expect(megabytesText(1024)).toBe('0.00098');
    expect(attachmentDraft(undefined)).toEqual({ maxMb: '10', kinds: ['image', 'pdf', 'text', 'office'] });
  });

  it('reads MB as bytes within 1 KB…25 MB', () => {
    expect(parseMaxMb('2.5')).toBe(2.5 * MB);
    expect(parseMaxMb(' 3,5 ')).toBe(3.5 * MB);
    expect(parseMaxMb('25')).toBe(25 * MB);
    expect(parseMaxMb('25.1')).toBeNull();
    expect(parseMaxMb('0')).toBeNull();
    expect(parseMaxMb('ten')).toBeNull();
    expect(parseMaxMb('')).toBeNull();
  });

  it('keeps kinds in one order whatever order they were ticked in', () => {
    expect(toggleKind(['office'], 'image', true)).toEqual(['image', 'office']);
    expect(toggleKind(['image', 'office'], 'image', false)).toEqual(['office']);
  });

  it('sends only what changed, and nothing when a rounded size is left as shown', () => {
    const site = { ...stored, kinds: [...stored.kinds] };
    expect(attachmentChanges(site, attachmentDraft(site))).toEqual({ ok: null });
    expect(attachmentChanges(site, { maxMb: '5', kinds: site.kinds })).toEqual({ ok: { maxBytes: 5 * MB } });
    expect(attachmentChanges(site, { maxMb: '10', kinds: [] })).toEqual({ ok: { kinds: [] } });
    const odd = { maxBytes: 1_234_567, kinds: site.kinds };
    expect(attachmentChanges(odd, { maxMb: '1.2', kinds: ['pdf', 'image', 'text', 'office'] })).toEqual({ ok: null });
    expect(attachmentChanges(site, { maxMb: '30', kinds: site.kinds })).toEqual({ invalid: true });
  });
});
