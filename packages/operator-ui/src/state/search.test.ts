// A search snippet splits into plain and marked text at the server's offsets, and pages never repeat a result.

import type { SearchResult } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { aConversation } from '../test-fixtures.ts';
import { mergeResults, SearchState, snippetParts } from './search.ts';

describe('snippetParts', () => {
  it('marks each highlighted range and keeps the text between', () => {
    expect(
      snippetParts('Do you ship the lamp to Lyon?', [
        [16, 20],
        [24, 28],
      ]),
    ).toEqual([
      { text: 'Do you ship the ', marked: false },
      { text: 'lamp', marked: true },
      { text: ' to ', marked: false },
      { text: 'Lyon', marked: true },
      { text: '?', marked: false },
    ]);
  });

  it('keeps markup as text: the snippet is never parsed', () => {
    const parts = snippetParts('<img src=x onerror=alert(1)> lamp', [[29, 33]]);
    expect(parts.map((part) => part.text).join('')).toBe('<img src=x onerror=alert(1)> lamp');
    expect(parts.at(-1)).toEqual({ text: 'lamp', marked: true });
  });

  it('survives unordered, overlapping, empty and out-of-range offsets without losing text', () => {
    const text = 'abcdefghij';
    const parts = snippetParts(text, [
      [6, 8],
      [1, 3],
      [2, 4],
      [5, 5],
      [9, 40],
      [-3, 0],
    ]);
    expect(parts.map((part) => part.text).join('')).toBe(text);
    expect(parts.filter((part) => part.marked).map((part) => part.text)).toEqual(['bc', 'd', 'gh', 'j']);
  });
});

const result = (conversationId: string, messageId: string | null): SearchResult => ({
  conversation: aConversation({ id: conversationId }),
  messageId,
  seq: messageId ? 1 : null,
  visibility: messageId ? 'public' : null,
  snippet: 'lamp',
  highlights: [[0, 4]],
  createdAt: '2030-01-01T10:00:00.000Z',
});

describe('search pages', () => {
  it('appends a later page without repeating a result', () => {
    expect(mergeResults([result('c1', 'm1')], [result('c1', 'm1'), result('c2', null)])).toHaveLength(2);
  });

  it('drops an answer to a query that is no longer typed', () => {
    const state = new SearchState();
    state.begin('lam');
    state.begin('lamp');
    state.addPage('lam', { results: [result('c1', 'm1')], nextCursor: null }, true);
    expect(state.results.value).toEqual([]);
    state.addPage('lamp', { results: [result('c2', 'm2')], nextCursor: 'n' }, true);
    expect(state.results.value.map((item) => item.conversation.id)).toEqual(['c2']);
    expect(state.current()).toBe(true);
  });
});
