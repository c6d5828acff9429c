import { describe, expect, it } from 'vitest';
import { initialsOf } from './availability.ts';

describe('initialsOf', () => {
  it('takes the first letters of the first and last names, in capitals', () => {
    expect(initialsOf('Alice Martin')).toBe('AM');
    expect(initialsOf('jean-paul de la tour')).toBe('JT');
    expect(initialsOf('  Bob  ')).toBe('B');
  });

  it('keeps letters outside ASCII whole', () => {
    expect(initialsOf('Émile Zola')).toBe('ÉZ');
    expect(initialsOf('ليلى أحمد')).toBe('لأ');
    expect(initialsOf('𝒜da Lovelace')).toBe('𝒜L');
  });

  it('gives nothing for a blank name', () => {
    expect(initialsOf('   ')).toBe('');
  });
});
