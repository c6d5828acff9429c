// Canned response suggestions: substring match, prefix first, then most used, and exact shortcuts.

import type { CannedResponse } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { exactShortcut, filterCanned, indexCanned } from './canned-filter.ts';

function canned(shortcut: string, useCount = 0, substitution = `text of ${shortcut}`): CannedResponse {
  return {
    id: `cr_${shortcut}`,
    shortcut,
    substitution,
    description: '',
    createdBy: 'op1',
    lastUsedAt: null,
    useCount,
    createdAt: '2030-01-01T00:00:00Z',
    updatedAt: '2030-01-01T00:00:00Z',
  };
}

const shortcuts = (list: CannedResponse[]) => list.map((response) => response.shortcut);

describe('filterCanned', () => {
  const index = indexCanned([
    canned('hello'),
    canned('sorry', 2),
    canned('bye', 5),
    canned('also', 9),
    canned('so-long', 1),
  ]);

  it('lists everything for a bare colon, most used first', () => {
    expect(shortcuts(filterCanned(index, ''))).toEqual(['also', 'bye', 'sorry', 'so-long', 'hello']);
  });

  it('matches a substring of the shortcut, prefix matches first, then by use', () => {
    expect(shortcuts(filterCanned(index, 'so'))).toEqual(['sorry', 'so-long', 'also']);
    expect(shortcuts(filterCanned(index, 'SO'))).toEqual(['sorry', 'so-long', 'also']);
    expect(shortcuts(filterCanned(index, 'zz'))).toEqual([]);
  });

  it('ignores accents on both sides', () => {
    const accented = indexCanned([canned('café'), canned('cafeteria', 3)]);
    expect(shortcuts(filterCanned(accented, 'cafe'))).toEqual(['cafeteria', 'café']);
    expect(shortcuts(filterCanned(accented, 'CAFÉ'))).toEqual(['cafeteria', 'café']);
  });

  it('returns at most the limit, prefix matches taking precedence', () => {
    const many = indexCanned(Array.from({ length: 100 }, (_, at) => canned(`${at % 2 ? 'x' : ''}item${at}`, at)));
    const found = filterCanned(many, 'item', 10);
    expect(found).toHaveLength(10);
    expect(found.every((response) => response.shortcut.startsWith('item'))).toBe(true);
    expect(found[0]?.shortcut).toBe('item98');
  });

  it('filters 10,000 responses quickly', () => {
    const big = indexCanned(
      Array.from({ length: 10_000 }, (_, at) => canned(`reply-${at}-${(at * 7919) % 10_007}`, at % 37)),
    );
    const terms = ['', 'r', 're', 'rep', '-1', '99', '123', 'zzz'];
    const started = performance.now();
    const rounds = 50;
    for (let round = 0; round < rounds; round++) for (const term of terms) filterCanned(big, term);
    const perKeystroke = (performance.now() - started) / (rounds * terms.length);
    // The budget is 1 ms; the generous bound keeps a loaded CI machine from failing the suite.
    expect(perKeystroke).toBeLessThan(5);
  });
});

describe('exactShortcut', () => {
  it('finds a shortcut typed exactly, ignoring case and accents', () => {
    const index = indexCanned([canned('sorry'), canned('sorry-long')]);
    expect(exactShortcut(index, 'sorry')?.shortcut).toBe('sorry');
    expect(exactShortcut(index, 'Sorry')?.shortcut).toBe('sorry');
    expect(exactShortcut(index, 'sor')).toBeNull();
    expect(exactShortcut(index, '')).toBeNull();
  });
});
