import { describe, expect, it } from 'vitest';
import { searchQuery } from './query.ts';
import { SNIPPET_LENGTH, snippetOf } from './snippet.ts';

const marked = (text: string, q: string) => {
  const { snippet, highlights } = snippetOf(text, searchQuery(q).terms);
  return { snippet, words: highlights.map(([from, to]) => snippet.slice(from, to)) };
};

describe('snippetOf', () => {
  it('marks whole words and prefixes, whatever the case and accents', () => {
    expect(marked('Le café du Coin, CAFÉS et cafetière', 'cafe')).toEqual({
      snippet: 'Le café du Coin, CAFÉS et cafetière',
      words: ['café', 'CAFÉS', 'cafetière'],
    });
    // Short words are whole words only.
    expect(marked('la lamp is late', 'la').words).toEqual(['la']);
  });

  it('cuts a long text around the first match, at spaces, with ellipses', () => {
    const text = `${'alpha beta gamma '.repeat(20)}the refund arrived ${'delta epsilon '.repeat(20)}`;
    const { snippet, words } = marked(text, 'refund');
    expect(words).toEqual(['refund']);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 2);
    expect(snippet.slice(1, 2)).not.toBe(' ');
  });

  it('ends with the text when the match is near its end', () => {
    const text = `${'word '.repeat(60)}final answer`;
    const { snippet, words } = marked(text, 'answer');
    expect(snippet.endsWith('final answer')).toBe(true);
    expect(words).toEqual(['answer']);
  });

  it('turns line breaks into spaces and keeps offsets in UTF-16 units', () => {
    expect(marked('😀 smile\nplease', 'please')).toEqual({ snippet: '😀 smile please', words: ['please'] });
  });

  it('shows the start of the text when no word matches as the index would have', () => {
    expect(marked('nothing here', 'zebra')).toEqual({ snippet: 'nothing here', words: [] });
  });
});
