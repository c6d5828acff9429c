import { describe, expect, it } from 'vitest';
import { fold, matchExpression, searchQuery } from './query.ts';

describe('searchQuery', () => {
  it('quotes every word, the last as a prefix from three letters, within the text columns', () => {
    expect(searchQuery('Refund  la Café').words).toBe('{body visitor} : ("Refund" "la" "Café"*)');
    expect(searchQuery('Refund la Café').terms).toEqual([
      { folded: 'refund', prefix: false },
      { folded: 'la', prefix: false },
      { folded: 'cafe', prefix: true },
    ]);
    expect(searchQuery('Refund la').words).toBe('{body visitor} : ("Refund" "la")');
  });

  it('leaves no FTS5 syntax from what was typed', () => {
    for (const text of ['"foo', 'a OR b', 'col:x', '*', 'NEAR(a b)', '-x', '(x', 'x^y', '{body}', "it's"]) {
      const { words } = searchQuery(text);
      const phrases = words?.slice('{body visitor} : ('.length, -1) ?? '';
      // Only quoted words, each maybe followed by a star, separated by spaces.
      expect(phrases, text).toMatch(/^(?:"[^"]+"\*? ?)*$/);
    }
    expect(searchQuery('* " ( ) : -').words).toBeNull();
  });

  it('keeps twelve words at most', () => {
    expect(searchQuery(Array.from({ length: 20 }, (_, i) => `w${i}x`).join(' ')).terms).toHaveLength(12);
  });

  it('scopes the words to the given conversations by their key tokens', () => {
    expect(matchExpression('W', [3, 14])).toBe('W AND conversation : (k3 OR k14)');
    expect(matchExpression('W', null)).toBe('W');
  });

  it('folds case and accents as the index does', () => {
    expect(fold('ÉLÈVE Zoë')).toBe('eleve zoe');
  });
});
