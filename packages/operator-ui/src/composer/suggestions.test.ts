// Which suggestions the composer offers for `/`, `:` and `@`, and what counts as still inserted.

import type { CannedResponse } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { indexCanned } from './canned-filter.ts';
import {
  type Mentionable,
  cannedStillPresent,
  cannedSuggestions,
  commandSuggestions,
  findTrigger,
  mentionSuggestions,
  substitutionPreview,
} from './suggestions.ts';

describe('findTrigger', () => {
  it('opens commands only for a slash at the very start, while the name is being typed', () => {
    expect(findTrigger('/', 1)).toEqual({ trigger: '/', start: 0, end: 1, term: '' });
    expect(findTrigger('/tic', 4)).toEqual({ trigger: '/', start: 0, end: 4, term: 'tic' });
    expect(findTrigger('/ticket', 3)).toEqual({ trigger: '/', start: 0, end: 7, term: 'ti' });
    expect(findTrigger('/ticket Printer', 15)).toBeNull();
    expect(findTrigger('see /ticket', 11)).toBeNull();
    expect(findTrigger(' /help', 6)).toBeNull();
  });

  it('opens canned responses and mentions at the start or after whitespace', () => {
    expect(findTrigger(':', 1)).toEqual({ trigger: ':', start: 0, end: 1, term: '' });
    expect(findTrigger('Hi :so', 6)).toEqual({ trigger: ':', start: 3, end: 6, term: 'so' });
    expect(findTrigger('Hi\n@bo', 6)).toEqual({ trigger: '@', start: 3, end: 6, term: 'bo' });
    expect(findTrigger('at 10:30', 8)).toBeNull();
    expect(findTrigger('mail me@example.com', 19)).toBeNull();
    expect(findTrigger('Hi :so there', 12)).toBeNull();
  });

  it('completes the token before the cursor, not the rest of the text', () => {
    expect(findTrigger(':so and more', 3)).toEqual({ trigger: ':', start: 0, end: 3, term: 'so' });
  });
});

describe('commandSuggestions', () => {
  const available = ['help', 'ticket', 'search_tickets', 'history', 'lead', 'leave'];

  it('lists the available commands with their usage', () => {
    const all = commandSuggestions(available, '');
    expect(all.map((s) => s.key)).toEqual(['/help', '/ticket', '/search_tickets', '/history', '/lead', '/leave']);
    expect(commandSuggestions(['help'], '').map((s) => s.key)).toEqual(['/help']);
  });

  it('matches substrings, ignoring case and accents, prefix matches first', () => {
    expect(commandSuggestions(available, 'ti').map((s) => s.key)).toEqual(['/ticket', '/search_tickets']);
    expect(commandSuggestions(available, 'LÉAV').map((s) => s.key)).toEqual(['/leave']);
    expect(commandSuggestions(available, 'e').map((s) => s.key)).toEqual([
      '/help',
      '/ticket',
      '/search_tickets',
      '/lead',
      '/leave',
    ]);
  });
});

describe('mentionSuggestions', () => {
  const load = { status: 'online' as const, openConversations: 0, capacity: 5 };
  const team: Mentionable[] = [
    { id: 'a', name: 'Alice', email: 'alice@example.com', role: 'admin', online: true, ...load },
    { id: 'b', name: 'Bob', email: 'bob@example.com', role: 'operator', online: false, ...load, status: 'offline' },
    { id: 'c', name: 'Chloé Bobard', email: 'cb@shop.fr', role: 'operator', online: true, ...load },
  ];

  it('matches name or email, names starting with the term first', () => {
    expect(mentionSuggestions(team, 'bob').map((s) => s.key)).toEqual(['@b', '@c']);
    expect(mentionSuggestions(team, 'shop').map((s) => s.key)).toEqual(['@c']);
    expect(mentionSuggestions(team, 'chloe').map((s) => s.key)).toEqual(['@c']);
    expect(mentionSuggestions(team, '')).toHaveLength(3);
  });

  it('suggests at most 8 operators', () => {
    const many = Array.from({ length: 20 }, (_, at) => ({ ...team[0], id: `o${at}`, name: `Op ${at}` }) as Mentionable);
    expect(mentionSuggestions(many, 'op')).toHaveLength(8);
  });
});

describe('canned responses in a draft', () => {
  const response = (id: string, shortcut: string): CannedResponse => ({
    id,
    shortcut,
    substitution: `${shortcut}!`,
    description: '',
    createdBy: 'a',
    lastUsedAt: null,
    useCount: 0,
    createdAt: '',
    updatedAt: '',
  });

  it('suggests canned responses through the index', () => {
    const index = indexCanned([response('1', 'hello'), response('2', 'sorry')]);
    expect(cannedSuggestions(index, 'or').map((s) => s.key)).toEqual([':2']);
  });

  it('counts an inserted response only while its text is still in the message', () => {
    const inserted = [
      { id: 'c1', text: 'I am sorry to hear that.' },
      { id: 'c2', text: 'Goodbye!' },
      { id: 'c1', text: 'I am sorry to hear that.' },
    ];
    expect(cannedStillPresent('Oh. I am sorry to hear that. Bye', inserted)).toEqual(['c1']);
  });

  it('previews a multi-line substitution on one clipped line', () => {
    expect(substitutionPreview('Hello,\n\nhow   are you?')).toBe('Hello, how are you?');
    expect(substitutionPreview('x'.repeat(100), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});
