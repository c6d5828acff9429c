import { describe, expect, it } from 'vitest';
import { COMMANDS, availableCommands } from './commands.ts';
import { mentionedIn } from './mentions.ts';
import { activeToken, foldForSearch, insertAt, rankMatches } from './suggest.ts';
import { fillTemplate } from './template.ts';

describe('rankMatches', () => {
  const words = ['sorry', 'so-long', 'personal', 'Résumé', 'also'];
  const keys = (w: string) => [foldForSearch(w)];
  const alpha = (a: string, b: string) => a.localeCompare(b);

  it('matches substrings, prefix matches first', () => {
    expect(rankMatches(words, 'so', keys, alpha)).toEqual(['so-long', 'sorry', 'also', 'personal']);
  });

  it('ignores case and accents', () => {
    expect(rankMatches(words, 'RESU', keys, alpha)).toEqual(['Résumé']);
    expect(rankMatches(['Électricité'], 'electri', keys, alpha)).toEqual(['Électricité']);
  });

  it('breaks ties with the given order and honours the limit', () => {
    const used = new Map([
      ['sorry', 9],
      ['so-long', 1],
    ]);
    const byUse = (a: string, b: string) => (used.get(b) ?? 0) - (used.get(a) ?? 0);
    expect(rankMatches(words, 'so', keys, byUse, 1)).toEqual(['sorry']);
  });
});

describe('activeToken and insertAt', () => {
  it('finds a trigger at the start or after whitespace only', () => {
    expect(activeToken(':so', 3, ':@')).toEqual({ trigger: ':', start: 0, term: 'so' });
    expect(activeToken('hi @bo', 6, ':@')).toEqual({ trigger: '@', start: 3, term: 'bo' });
    expect(activeToken('mail@bo', 7, ':@')).toBeNull();
    expect(activeToken('10:30', 5, ':@')).toBeNull();
    expect(activeToken('hi :', 4, ':@')).toEqual({ trigger: ':', start: 3, term: '' });
  });

  it('replaces the term with the insertion and a space, keeping the rest', () => {
    expect(insertAt('Hi :so there', 3, 6, 'I am sorry.')).toEqual({ text: 'Hi I am sorry. there', cursor: 15 });
  });
});

describe('fillTemplate', () => {
  it('fills variables, uses fallbacks, and leaves unknown names visible', () => {
    const text = 'Hello {{visitor.name|there}}, I am {{operator.name}} from {{site.name}}. {{visitor.nmae}}';
    expect(fillTemplate(text, { 'operator.name': 'Alice', 'site.name': 'Shop' })).toBe(
      'Hello there, I am Alice from Shop. {{visitor.nmae}}',
    );
    expect(fillTemplate('Hi {{ visitor.name }}', { 'visitor.name': 'Zoé' })).toBe('Hi Zoé');
    expect(fillTemplate('Mail: {{visitor.email}}.', {})).toBe('Mail: .');
  });
});

describe('mentionedIn', () => {
  const ops = [
    { id: '1', name: 'Bob' },
    { id: '2', name: 'Bob Marley' },
    { id: '3', name: 'Élodie' },
  ];
  it('finds @Name at word boundaries, case- and accent-insensitive', () => {
    expect(mentionedIn('@bob can you look?', ops).map((o) => o.id)).toEqual(['1']);
    expect(mentionedIn('ping @Bob Marley.', ops).map((o) => o.id)).toEqual(['2']);
    expect(mentionedIn('@Bob and @Bob Marley', ops).map((o) => o.id)).toEqual(['1', '2']);
    expect(mentionedIn('cc @elodie', ops).map((o) => o.id)).toEqual(['3']);
    expect(mentionedIn('bob@bobby.test', ops)).toEqual([]);
    expect(mentionedIn('@bobby', ops)).toEqual([]);
  });
});

describe('availableCommands', () => {
  it('hides helpdesk commands without a live chat team, and /lead without CRM', () => {
    const names = (ctx: Parameters<typeof availableCommands>[0]) => availableCommands(ctx).map((c) => c.name);
    expect(names({ helpdesk: true, crm: true, livechatTeam: true })).toEqual(COMMANDS.map((c) => c.name));
    expect(names({ helpdesk: true, crm: false, livechatTeam: false })).toEqual(['help', 'history', 'leave']);
  });
});
