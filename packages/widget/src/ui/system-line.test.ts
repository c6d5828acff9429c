import type { Message } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { message, system } from '../test-messages.ts';
import { systemLine } from './system-line.ts';
import { ar, en, fr } from '../test-strings.ts';

const line = (event: NonNullable<Message['system']>['event'], name = 'Alice') =>
  message(1, { author: system, body: `server words for ${event}`, system: { event, name } });

describe('system lines', () => {
  it('are worded in English', () => {
    expect(systemLine(line('joined'), en)).toBe('Alice joined');
    expect(systemLine(line('resolved'), en)).toBe('Alice resolved the conversation');
    expect(systemLine(line('ended', 'Ada'), en)).toBe('You ended the conversation');
    expect(systemLine(line('transferred', 'Bob'), en)).toBe('The conversation was transferred to Bob');
  });

  it('are worded in French', () => {
    expect(systemLine(line('joined'), fr)).toBe('Alice a rejoint la conversation');
    expect(systemLine(line('resolved'), fr)).toBe('Alice a clôturé la conversation');
    expect(systemLine(line('ended'), fr)).toBe('Vous avez mis fin à la conversation');
  });

  it('are worded in Arabic, with the name in place', () => {
    expect(systemLine(line('joined'), ar)).toBe('انضم Alice إلى المحادثة');
    expect(systemLine(line('resolved'), ar)).toBe('أغلق Alice المحادثة');
    expect(systemLine(line('ended'), ar)).toBe('لقد أنهيت المحادثة');
  });

  it('every locale words every event', () => {
    for (const strings of [en, fr, ar]) {
      for (const event of ['joined', 'resolved', 'ended', 'transferred'] as const) {
        const text = systemLine(line(event), strings);
        expect(text).not.toContain('server words');
        expect(text).not.toContain('{');
      }
    }
  });

  it('fall back to the server’s body without an event, or with one this widget does not know', () => {
    const bare = message(1, { author: system, body: 'Alice left' });
    expect(systemLine(bare, fr)).toBe('Alice left');
    expect(systemLine({ ...bare, system: null }, fr)).toBe('Alice left');
    const future = { ...bare, system: { event: 'snoozed', name: 'Alice' } } as unknown as Message;
    expect(systemLine(future, fr)).toBe('Alice left');
  });

  it('name someone when the name is empty', () => {
    expect(systemLine(line('joined', ''), en)).toBe('Someone joined');
  });
});
