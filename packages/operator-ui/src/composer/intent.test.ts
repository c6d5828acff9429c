// What the composer does with the operator's text: nothing, a command, a reply or a note.

import { MAX_BODY_LENGTH } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { composerIntent, hasMention, mentionIdsToSend, mentionMakesNote, typingIsPublic } from './intent.ts';

describe('composerIntent', () => {
  it('sends nothing for blank text', () => {
    expect(composerIntent('  \n ', false)).toEqual({ kind: 'empty' });
  });

  it('sends files with an empty caption, and never with a command', () => {
    expect(composerIntent('  ', true, true)).toEqual({ kind: 'message', body: '', visibility: 'operator' });
    expect(composerIntent('/help', false, true)).toEqual({ kind: 'command', name: 'help', args: '' });
  });

  it('sends a reply, trimmed, to the visitor by default and as a note when the switch is on', () => {
    expect(composerIntent('  Hello!\nHow can I help? ', false)).toEqual({
      kind: 'message',
      body: 'Hello!\nHow can I help?',
      visibility: 'public',
    });
    expect(composerIntent('VIP customer', true)).toEqual({
      kind: 'message',
      body: 'VIP customer',
      visibility: 'operator',
    });
  });

  it('runs a command instead of sending it, in public mode too', () => {
    expect(composerIntent('/ticket Refund for order 42', false)).toEqual({
      kind: 'command',
      name: 'ticket',
      args: 'Refund for order 42',
    });
    expect(composerIntent('/unknownthing', false)).toEqual({ kind: 'command', name: 'unknownthing', args: '' });
    expect(composerIntent(' /HELP ', true)).toEqual({ kind: 'command', name: 'help', args: '' });
  });

  it('sends text that merely contains a slash as a message', () => {
    expect(composerIntent('and/or', false)).toMatchObject({ kind: 'message' });
    expect(composerIntent('1/2 price', false)).toMatchObject({ kind: 'message' });
  });

  it('refuses a message over the length limit instead of sending it', () => {
    expect(composerIntent('x'.repeat(MAX_BODY_LENGTH + 1), false)).toEqual({
      kind: 'too-long',
      length: MAX_BODY_LENGTH + 1,
      max: MAX_BODY_LENGTH,
    });
    expect(composerIntent('x'.repeat(MAX_BODY_LENGTH), false)).toMatchObject({ kind: 'message' });
  });
});

describe('typingIsPublic', () => {
  it('tells the visitor about replies only, never about notes or commands', () => {
    expect(typingIsPublic('Hel', false)).toBe(true);
    expect(typingIsPublic('Hel', true)).toBe(false);
    expect(typingIsPublic('/tic', false)).toBe(false);
    expect(typingIsPublic('  ', false)).toBe(false);
  });
});

describe('mentions', () => {
  it('turn a public reply into a note, unless the operator switched back on purpose', () => {
    expect(mentionMakesNote('Hi @', false, false)).toBe(true);
    expect(mentionMakesNote('@Bob look', false, false)).toBe(true);
    expect(mentionMakesNote('Hi @Bob', true, false)).toBe(false);
    expect(mentionMakesNote('Hi @Bob', false, true)).toBe(false);
  });

  it('do not count an email address', () => {
    expect(hasMention('write to ada@example.com')).toBe(false);
    expect(mentionMakesNote('write to ada@example.com', false, false)).toBe(false);
  });

  it('notify only from a note', () => {
    expect(mentionIdsToSend('operator', ['op2'])).toEqual(['op2']);
    expect(mentionIdsToSend('public', ['op2'])).toEqual([]);
  });
});
