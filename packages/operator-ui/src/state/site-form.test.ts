// What the site editor sends and how it shows the server's verdict on the origins.

import type { SiteDetails } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import {
  isHexColor,
  originLines,
  originProblems,
  pickerColor,
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

  it('lays the server message beside the line it names, by number or by quoting it', () => {
    const origins = ['https://a.com', 'https://a.com/shop', '*.b.com'];
    expect(originProblems('Line 3: "*.b.com" has a wildcard', origins)).toEqual([
      { line: 3, origin: '*.b.com', message: '"*.b.com" has a wildcard' },
    ]);
    expect(originProblems('line 2 has a path', origins)).toEqual([
      { line: 2, origin: 'https://a.com/shop', message: 'Has a path' },
    ]);
    expect(originProblems('"https://a.com/shop" has a path; "*.b.com" has a wildcard', origins)).toEqual([
      { line: 2, origin: 'https://a.com/shop', message: '"https://a.com/shop" has a path' },
      { line: 3, origin: '*.b.com', message: '"*.b.com" has a wildcard' },
    ]);
  });

  it('names no line when the message names none', () => {
    expect(originProblems('Origins must look like scheme://host[:port]', ['nope'])).toEqual([]);
    expect(originProblems('line 9 is wrong', ['https://a.com'])).toEqual([]);
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
    });
    expect(
      widgetSettings({ color: ' #123 ', position: 'left', title: 'Help', greeting: ' Hi! ', locale: 'fr' }),
    ).toEqual({ color: '#123', position: 'left', title: 'Help', greeting: 'Hi!', locale: 'fr' });
  });

  it('round-trips stored settings through the form', () => {
    const widget = { color: '#ff0000', position: 'left' as const, title: 'T', greeting: null, locale: 'ar' };
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
