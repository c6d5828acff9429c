import { DEFAULT_ATTACHMENT_SETTINGS } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { likelyKind, reencoding, refusalOf } from './upload-rules.ts';

describe('files before upload', () => {
  it('guesses the kind from the type or the name, and knows no SVG or program', () => {
    expect(likelyKind({ name: 'shot.png', type: 'image/png' })).toBe('image');
    expect(likelyKind({ name: 'invoice.PDF', type: '' })).toBe('pdf');
    expect(likelyKind({ name: 'orders.csv', type: 'text/csv' })).toBe('text');
    expect(likelyKind({ name: 'report.docx', type: '' })).toBe('office');
    expect(likelyKind({ name: 'logo.svg', type: 'image/svg+xml' })).toBeNull();
    expect(likelyKind({ name: 'setup.exe', type: 'application/x-msdownload' })).toBeNull();
  });

  it('refuses a file over the size or of a kind the site does not take, before sending a byte', () => {
    const rules = { maxBytes: 1024 * 1024, kinds: ['image' as const, 'pdf' as const] };
    expect(refusalOf({ name: 'a.png', type: 'image/png', size: 10 }, rules)).toBeNull();
    expect(refusalOf({ name: 'a.png', type: 'image/png', size: 2 * 1024 * 1024 }, rules)).toEqual({
      reason: 'size',
      maxBytes: 1024 * 1024,
    });
    expect(refusalOf({ name: 'notes.txt', type: 'text/plain', size: 10 }, rules)).toEqual({ reason: 'kind' });
    expect(refusalOf({ name: 'notes.txt', type: 'text/plain', size: 10 }, DEFAULT_ATTACHMENT_SETTINGS)).toBeNull();
  });

  it('scales images longer than 2,560 px down to it, keeping the type and the proportions', () => {
    expect(reencoding('image/png', 5120, 2880)).toEqual({ width: 2560, height: 1440, type: 'image/png' });
    expect(reencoding('image/webp', 1000, 4000)).toEqual({ width: 640, height: 2560, type: 'image/webp' });
    expect(reencoding('image/png', 2560, 1600)).toBeNull();
    expect(reencoding('image/gif', 6000, 6000)).toBeNull();
  });

  it('draws every JPEG again, at its size when small, which drops its location metadata', () => {
    expect(reencoding('image/jpeg', 800, 600)).toEqual({ width: 800, height: 600, type: 'image/jpeg' });
    expect(reencoding('image/jpeg', 4032, 3024)).toEqual({ width: 2560, height: 1920, type: 'image/jpeg' });
  });
});
