import { describe, expect, it } from 'vitest';
import { linkify } from './linkify.ts';

describe('linkify', () => {
  it('leaves plain text alone', () => {
    expect(linkify('no links here')).toEqual(['no links here']);
    expect(linkify('')).toEqual([]);
  });

  it('turns http(s) URLs into links and keeps the text around them', () => {
    expect(linkify('See https://shop.test/faq?q=1 and http://old.test.')).toEqual([
      'See ',
      { href: 'https://shop.test/faq?q=1', text: 'https://shop.test/faq?q=1' },
      ' and ',
      { href: 'http://old.test', text: 'http://old.test' },
      '.',
    ]);
  });

  it('never links other schemes', () => {
    expect(linkify('javascript:alert(1) data:text/html,x ftp://files.test')).toEqual([
      'javascript:alert(1) data:text/html,x ftp://files.test',
    ]);
  });

  it('does not swallow the closing bracket of a sentence, but keeps balanced ones', () => {
    expect(linkify('(docs: https://a.test/x)')).toEqual([
      '(docs: ',
      { href: 'https://a.test/x', text: 'https://a.test/x' },
      ')',
    ]);
    expect(linkify('https://en.wiki.test/Foo_(bar)')[0]).toEqual({
      href: 'https://en.wiki.test/Foo_(bar)',
      text: 'https://en.wiki.test/Foo_(bar)',
    });
  });

  it('keeps markup as text for the renderer to escape', () => {
    expect(linkify('<img src=x onerror=alert(1)> https://a.test/<b>')).toEqual([
      '<img src=x onerror=alert(1)> ',
      { href: 'https://a.test/', text: 'https://a.test/' },
      '<b>',
    ]);
  });
});
