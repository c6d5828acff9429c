// The mention email and inbox excerpt: one-line headers, the message quoted, a link that opens the conversation.

import { describe, expect, it } from 'vitest';
import { conversationLink, mentionEmail } from './email.ts';
import { excerpt } from './notifier.ts';

describe('mention email', () => {
  it('says who, quotes every line of the message and links to the conversation', () => {
    const email = mentionEmail({
      to: 'bob@example.com',
      authorName: 'Alice\r\nBcc: everyone@example.com',
      visitorName: 'Jane  Doe',
      body: '@Bob can you help?\nOrder #12',
      link: conversationLink('https://chat.example.com/', 'abc_123'),
    });
    expect(email.subject).toBe('Alice Bcc: everyone@example.com mentioned you in a conversation with Jane Doe');
    expect(email.text).toContain('> @Bob can you help?\n> Order #12');
    expect(email.text).toContain('https://chat.example.com/operator/#/conversations/abc_123');
  });

  it('leaves the visitor out of the subject when they have no name', () => {
    const email = mentionEmail({
      to: 'b@example.com',
      authorName: 'Alice',
      visitorName: null,
      body: 'x',
      link: 'http://l',
    });
    expect(email.subject).toBe('Alice mentioned you in a conversation');
  });
});

describe('inbox excerpt', () => {
  it('keeps short messages whole, on one line', () => {
    expect(excerpt('  @Bob\n\nplease   look  ')).toBe('@Bob please look');
  });

  it('cuts long messages with an ellipsis', () => {
    const cut = excerpt(`@Bob ${'word '.repeat(100)}`);
    expect(cut.length).toBeLessThanOrEqual(140);
    expect(cut.endsWith('…')).toBe(true);
  });
});
