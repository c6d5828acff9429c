import { describe, expect, it } from 'vitest';
import { fold, searchQuery } from './query.ts';

describe('searchQuery', () => {
  it('keeps every word as typed and folded, the last as a prefix from three letters', () => {
    expect(searchQuery('Refund  la Café').terms).toEqual([
      { word: 'Refund', folded: 'refund', prefix: false },
      { word: 'la', folded: 'la', prefix: false },
      { word: 'Café', folded: 'cafe', prefix: true },
    ]);
    expect(searchQuery('Refund la').terms.map((term) => term.prefix)).toEqual([false, false]);
  });

  it('has no term when nothing typed is a word', () => {
    expect(searchQuery('* " ( ) : -').terms).toEqual([]);
  });

  it('keeps twelve words at most', () => {
    expect(searchQuery(Array.from({ length: 20 }, (_, i) => `w${i}x`).join(' ')).terms).toHaveLength(12);
  });

  it('folds case and accents as the index does', () => {
    expect(fold('ÉLÈVE Zoë')).toBe('eleve zoe');
  });
});
