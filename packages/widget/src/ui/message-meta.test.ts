import { describe, expect, it } from 'vitest';
import { colourOf, initialsOf, markOf, timeLabel, timeLocale } from './message-meta.ts';

describe('what is written beside a message', () => {
  const now = new Date(2026, 11, 6, 15, 0);

  it('gives the time alone today, and the day with it before', () => {
    expect(timeLabel(new Date(2026, 11, 6, 9, 5).toISOString(), 'en-GB', now)).toBe('9:05');
    expect(timeLabel(new Date(2026, 11, 3, 9, 5).toISOString(), 'en-GB', now)).toBe('3 Dec, 9:05');
    expect(timeLabel('not a time', 'en', now)).toBe('');
  });

  it('writes times the way the visitor’s browser does in the widget’s language', () => {
    expect(timeLocale('en', ['en-GB', 'fr-FR'])).toBe('en-GB');
    expect(timeLocale('fr', ['en-GB', 'fr-CA'])).toBe('fr-CA');
    expect(timeLocale('ar', ['en-GB'])).toBe('ar');
  });

  it('takes the first letters of the first and last names, outside ASCII too', () => {
    expect(initialsOf('Alice Martin')).toBe('AM');
    expect(initialsOf(' Jean Paul  Sartre ')).toBe('JS');
    expect(initialsOf('zoë')).toBe('Z');
    expect(initialsOf('Ørjan Ådne')).toBe('ØÅ');
    expect(initialsOf('سارة أحمد')).toBe('سأ');
    expect(initialsOf('')).toBe('');
  });

  it('gives an operator the same colour every time, and others another', () => {
    expect(colourOf('op_alice')).toBe(colourOf('op_alice'));
    expect(colourOf('op_alice')).toMatch(/^hsl\(\d+ 55% 36%\)$/);
    const hues = new Set(['op_alice', 'op_bob', 'op_carol', 'op_dan'].map(colourOf));
    expect(hues.size).toBeGreaterThan(1);
  });

  it('marks a message seen once the read marker reaches its seq', () => {
    expect(markOf(3, 2)).toBe('delivered');
    expect(markOf(3, 3)).toBe('seen');
    expect(markOf(3, 9)).toBe('seen');
  });
});

describe('the preview beside the launcher', () => {
  it('keeps a short message whole and cuts a long one at a character, not a byte', async () => {
    const { shorten } = await import('./preview-message.ts');
    expect(shorten('  Hello,\n\nhow can I help?  ')).toBe('Hello, how can I help?');
    expect(shorten('é'.repeat(200), 10)).toBe(`${'é'.repeat(9)}…`);
    expect([...shorten('🙂'.repeat(50), 10)]).toHaveLength(10);
  });
});
