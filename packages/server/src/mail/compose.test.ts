// The emails a visitor gets: every reply with its author and time, one-line headers, the link.

import { describe, expect, it } from 'vitest';
import { replyEmail, sizeText, transcriptEmail } from './compose.ts';

describe('reply email', () => {
  it('holds every reply, oldest first, with names and times, the link and how to answer', () => {
    const email = replyEmail({
      to: 'jo@example.com',
      siteName: 'Lamp\r\nShop',
      replies: [
        { authorName: 'Alice', body: 'Hello!\nWhich model?', createdAt: '2026-12-06T05:10:11.000Z' },
        { authorName: 'Bob', body: 'The blue one?', createdAt: '2026-12-06T05:11:00.000Z' },
      ],
      link: 'https://shop.example/cart#livechat=abc',
      replyTo: 'reply+abc@chat.example',
    });
    expect(email).toMatchObject({ kind: 'reply', fromName: 'Lamp Shop', subject: 'New replies from Lamp Shop' });
    expect(email.text).toContain(
      'Alice, 2026-12-06 05:10 UTC:\n  Hello!\n  Which model?\n\nBob, 2026-12-06 05:11 UTC:',
    );
    expect(email.text.indexOf('Alice')).toBeLessThan(email.text.indexOf('Bob'));
    expect(email.text).toContain('https://shop.example/cart#livechat=abc');
    expect(email.text).toContain('replying to this email');
  });

  it('says "reply" for one', () => {
    const email = replyEmail({
      to: 'a@b.c',
      siteName: 'Shop',
      replies: [{ authorName: 'Alice', body: 'Hi', createdAt: '2026-12-06T05:10:11.000Z' }],
      link: 'l',
      replyTo: 'r',
    });
    expect(email.subject).toBe('New reply from Shop');
  });
});

describe('transcript email', () => {
  it('lists the lines with names and times', () => {
    const email = transcriptEmail({
      to: 'a@b.c',
      siteName: 'Shop',
      startedAt: '2026-12-06T05:00:00.000Z',
      lines: [
        { authorName: 'Jo', body: 'Hi', createdAt: '2026-12-06T05:00:00.000Z' },
        { authorName: 'Alice', body: 'Hello', createdAt: '2026-12-06T05:01:00.000Z' },
      ],
    });
    expect(email).toMatchObject({ kind: 'transcript', subject: 'Your conversation with Shop', fromName: 'Shop' });
    expect(email.text).toContain('Jo, 2026-12-06 05:00 UTC:\n  Hi\n\nAlice, 2026-12-06 05:01 UTC:\n  Hello');
  });
});

describe('files in emails', () => {
  it('names each file of a message with its size, under its caption or alone', () => {
    const email = transcriptEmail({
      to: 'a@b.c',
      siteName: 'Shop',
      startedAt: '2026-12-06T05:00:00.000Z',
      lines: [
        {
          authorName: 'Jo',
          body: '',
          createdAt: '2026-12-06T05:00:00.000Z',
          files: [{ name: 'error.png', size: 48_213 }],
        },
        {
          authorName: 'Alice',
          body: 'Your label',
          createdAt: '2026-12-06T05:01:00.000Z',
          files: [{ name: 'label\r\n.pdf', size: 1_363_149 }],
        },
      ],
    });
    expect(email.text).toContain(
      'Jo, 2026-12-06 05:00 UTC:\n  File: error.png (47 KB)\n\nAlice, 2026-12-06 05:01 UTC:\n  Your label\n  File: label .pdf (1.3 MB)\n',
    );
  });

  it('writes sizes in B, KB and MB', () => {
    expect([sizeText(512), sizeText(2048), sizeText(10 * 1024 * 1024)]).toEqual(['512 B', '2 KB', '10.0 MB']);
  });
});
