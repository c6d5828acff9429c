// What the site editor sends and how it shows the server's verdict on the origins.

import type { SiteDetails } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import {
  isHexColor,
  originLines,
  originProblems,
  parseRetentionDays,
  pickerColor,
  retentionChanges,
  retentionDraft,
  retentionSettings,
  rewrittenOrigins,
  sortSites,
  widgetDraft,
  widgetSettings,
} from './site-form.ts';

describe('allowed origins, one per line', () => {
  it('drops blank lines and surrounding spaces', () => {
    expect(originLines('  https://a.com \n\n\r\nhttp://localhost:8080\n   ')).toEqual([
      'https://a.com',
      'http://localhost:8080',
    ]);
    expect(originLines('')).toEqual([]);
  });

  it('puts each refused line beside its number and what is wrong, as the server would say it', () => {
    const origins = ['https://a.com', 'https://a.com/shop', '*.b.com', 'b.com'];
    const problems = originProblems(origins);
    expect(problems.map(({ line, origin }) => [line, origin])).toEqual([
      [2, 'https://a.com/shop'],
      [3, '*.b.com'],
      [4, 'b.com'],
    ]);
    expect(problems[0]?.message).toMatch(/^It has a path/);
    expect(problems[1]?.message).toMatch(/^Wildcards are not allowed/);
  });

  it('finds nothing to say about origins the server would take', () => {
    expect(originProblems(['HTTPS://A.com:443/', 'http://localhost:8080'])).toEqual([]);
  });

  it('pairs typed origins with their stored form when the server rewrote them', () => {
    expect(rewrittenOrigins(['HTTPS://A.com:443/', 'http://b.com'], ['https://a.com', 'http://b.com'])).toEqual([
      ['HTTPS://A.com:443/', 'https://a.com'],
    ]);
    expect(rewrittenOrigins(['https://a.com', 'https://a.com/'], ['https://a.com'])).toEqual([]);
  });
});

describe('widget settings', () => {
  it('accepts #rgb and #rrggbb colours and widens #rgb for the picker', () => {
    expect(isHexColor('#1a2B3c')).toBe(true);
    expect(isHexColor('#abc')).toBe(true);
    expect(isHexColor('blue')).toBe(false);
    expect(isHexColor('#abcd')).toBe(false);
    expect(pickerColor('#AbC')).toBe('#aabbcc');
    expect(pickerColor('#123456')).toBe('#123456');
    expect(pickerColor(null, '#000000')).toBe('#000000');
    expect(pickerColor('red', '#000000')).toBe('#000000');
  });

  it('sends empty fields as null, the default', () => {
    const draft = widgetDraft(undefined);
    expect(widgetSettings(draft)).toEqual({
      color: null,
      position: 'right',
      title: null,
      greeting: null,
      locale: null,
      prechat: { name: 'off', email: 'off' },
    });
    const prechat = { name: 'optional', email: 'required' } as const;
    expect(
      widgetSettings({ color: ' #123 ', position: 'left', title: 'Help', greeting: ' Hi! ', locale: 'fr', prechat }),
    ).toEqual({ color: '#123', position: 'left', title: 'Help', greeting: 'Hi!', locale: 'fr', prechat });
  });

  it('round-trips stored settings through the form', () => {
    const widget = {
      color: '#ff0000',
      position: 'left' as const,
      title: 'T',
      greeting: null,
      locale: 'ar',
      prechat: { name: 'required' as const, email: 'off' as const },
    };
    expect(widgetSettings(widgetDraft(widget))).toEqual(widget);
  });
});

describe('site list order', () => {
  it('puts live sites by name first and archived ones last', () => {
    const site = (name: string, archived: boolean) => ({ name, archived }) as SiteDetails;
    const sorted = sortSites([site('Zeta', false), site('Alpha', true), site('beta', false)]);
    expect(sorted.map((s) => s.name)).toEqual(['beta', 'Zeta', 'Alpha']);
  });
});

describe('retention, in days', () => {
  it('keeps data when a field is empty, and takes whole days from 1 to 3650', () => {
    expect(parseRetentionDays('')).toBeNull();
    expect(parseRetentionDays('  ')).toBeNull();
    expect(parseRetentionDays('30')).toBe(30);
    expect(parseRetentionDays(' 3650 ')).toBe(3650);
    expect(parseRetentionDays('0')).toBeUndefined();
    expect(parseRetentionDays('3651')).toBeUndefined();
    expect(parseRetentionDays('1.5')).toBeUndefined();
    expect(parseRetentionDays('-3')).toBeUndefined();
    expect(parseRetentionDays('a week')).toBeUndefined();
  });

  it('shows what is stored, off as empty, also from a server without retention', () => {
    expect(retentionDraft({ conversationsDays: 90, pageViewsDays: null })).toEqual({
      conversations: '90',
      pageViews: '',
    });
    expect(retentionDraft(undefined)).toEqual({ conversations: '', pageViews: '' });
  });

  it('names the fields that cannot be used', () => {
    expect(retentionSettings({ conversations: '0', pageViews: 'x' })).toEqual({
      invalid: ['conversations', 'page views'],
    });
    expect(retentionSettings({ conversations: '', pageViews: '30' })).toEqual({
      ok: { conversationsDays: null, pageViewsDays: 30 },
    });
  });

  it('sends only what changed', () => {
    const stored = { conversationsDays: 90, pageViewsDays: null };
    expect(retentionChanges(stored, { conversationsDays: 90, pageViewsDays: null })).toBeNull();
    expect(retentionChanges(stored, { conversationsDays: null, pageViewsDays: 30 })).toEqual({
      conversationsDays: null,
      pageViewsDays: 30,
    });
    expect(retentionChanges(undefined, { conversationsDays: null, pageViewsDays: null })).toBeNull();
    expect(retentionChanges(undefined, { conversationsDays: 7, pageViewsDays: null })).toEqual({
      conversationsDays: 7,
    });
  });
});
