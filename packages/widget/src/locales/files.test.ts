import { describe, expect, it } from 'vitest';
import { sizeLabel } from './files.ts';

describe('sizeLabel', () => {
  it('says bytes in words, with their plural, and larger sizes in short units', () => {
    expect(sizeLabel(2, 'en')).toBe('2 bytes');
    // French puts a no-break space between the number and its unit.
    expect(sizeLabel(2, 'fr')).toBe('2\u00a0octets');
    expect(sizeLabel(1536, 'en')).toBe('1.5 kB');
    expect(sizeLabel(10 * 1024 * 1024, 'en')).toBe('10 MB');
  });
});
