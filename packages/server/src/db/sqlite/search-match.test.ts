import { describe, expect, it } from 'vitest';
import { searchQuery } from '../../search/query.ts';
import { matchExpression } from './search-match.ts';

const words = (text: string) => matchExpression(searchQuery(text).terms, null);

describe('matchExpression', () => {
  it('quotes every word, the last as a prefix from three letters, within the text columns', () => {
    expect(words('Refund  la Café')).toBe('{body visitor} : ("Refund" "la" "Café"*)');
    expect(words('Refund la')).toBe('{body visitor} : ("Refund" "la")');
  });

  it('leaves no FTS5 syntax from what was typed', () => {
    for (const text of ['"foo', 'a OR b', 'col:x', '*', 'NEAR(a b)', '-x', '(x', 'x^y', '{body}', "it's"]) {
      const phrases = words(text).slice('{body visitor} : ('.length, -1);
      // Only quoted words, each maybe followed by a star, separated by spaces.
      expect(phrases, text).toMatch(/^(?:"[^"]+"\*? ?)*$/);
    }
  });

  it('scopes the words to the given conversations by their key tokens', () => {
    const terms = searchQuery('W').terms;
    expect(matchExpression(terms, [3, 14])).toBe('{body visitor} : ("W") AND conversation : (k3 OR k14)');
    expect(matchExpression(terms, null)).toBe('{body visitor} : ("W")');
  });
});
