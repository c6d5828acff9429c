// Only http(s) URLs ever become links; all other text stays text.

import { describe, expect, it } from 'vitest';
import { displayUrl, httpUrl, splitLinks } from './links.ts';

describe('httpUrl', () => {
  it('accepts http and https only', () => {
    expect(httpUrl('https://shop.example/cart?x=1')).toBe('https://shop.example/cart?x=1');
    expect(httpUrl('http://example.com')).toBe('http://example.com/');
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl(' JavaScript:alert(1)')).toBeNull();
    expect(httpUrl('data:text/html,<script>alert(1)</script>')).toBeNull();
    expect(httpUrl('/relative/path')).toBeNull();
    expect(httpUrl('')).toBeNull();
  });

  it('shortens a URL for display without its scheme', () => {
    expect(displayUrl('https://shop.example/')).toBe('shop.example');
    expect(displayUrl('https://shop.example/pricing#team')).toBe('shop.example/pricing#team');
    expect(displayUrl('ftp://files.example/x')).toBe('ftp://files.example/x');
  });
});

describe('splitLinks', () => {
  it('turns http(s) URLs into links and leaves everything else as text', () => {
    expect(splitLinks('See https://docs.example/a?b=1, or <b>bold</b>.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://docs.example/a?b=1', href: 'https://docs.example/a?b=1' },
      { kind: 'text', text: ', or <b>bold</b>.' },
    ]);
  });

  it('never links other schemes', () => {
    expect(splitLinks('javascript:alert(1) data:x')).toEqual([{ kind: 'text', text: 'javascript:alert(1) data:x' }]);
  });

  it('leaves sentence punctuation and unmatched brackets out of the link', () => {
    const segments = splitLinks('(go to https://example.com/page).');
    expect(segments).toContainEqual({
      kind: 'link',
      text: 'https://example.com/page',
      href: 'https://example.com/page',
    });
    const wiki = splitLinks('https://en.wikipedia.org/wiki/Set_(mathematics)');
    expect(wiki).toEqual([
      {
        kind: 'link',
        text: 'https://en.wikipedia.org/wiki/Set_(mathematics)',
        href: 'https://en.wikipedia.org/wiki/Set_(mathematics)',
      },
    ]);
  });

  it('keeps text without links as one segment', () => {
    expect(splitLinks('hello')).toEqual([{ kind: 'text', text: 'hello' }]);
    expect(splitLinks('')).toEqual([]);
  });
});
