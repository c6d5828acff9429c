import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHAT_EVENTS, CHAT_METHODS, CHAT_SETTINGS } from './api.ts';

const doc = readFileSync(new URL('../../../docs/WIDGET_API.md', import.meta.url), 'utf8');
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const kebab = (name: string) => name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);

describe('the API reference (docs/WIDGET_API.md)', () => {
  it('documents every method in its methods table', () => {
    for (const method of CHAT_METHODS) expect(doc, method).toMatch(new RegExp(`^\\| \`${method}\\(`, 'm'));
  });

  it('documents every event in its events table', () => {
    for (const event of CHAT_EVENTS) expect(doc, event).toMatch(new RegExp(`^\\| \`${event}\` \\|`, 'm'));
  });

  it('documents every setting with its data-* attribute', () => {
    for (const setting of CHAT_SETTINGS) {
      expect(doc, setting).toMatch(new RegExp(`^\\| \`${setting}\` \\| \`data-${kebab(setting)}\` \\|`, 'm'));
    }
  });

  it('shows how to compute the identity hash in Node, Python and PHP', () => {
    for (const snippet of ["createHmac('sha256'", 'hmac.new(', "hash_hmac('sha256'"]) expect(doc).toContain(snippet);
  });
});

describe('the README', () => {
  it('has an "Embed the widget" section with the two-line snippet and a link to the reference', () => {
    const section = readme.split('\n## ').find((part) => part.startsWith('Embed the widget')) ?? '';
    expect(section).toContain('LiveChat.q');
    expect(section).toContain('createChat');
    expect(section).toContain('docs/WIDGET_API.md');
  });
});
