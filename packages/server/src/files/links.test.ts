// Signed file links: each opens one file until its time, and any change to it is refused.

import type { Message } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { FileLinks } from './links.ts';

const links = new FileLinks(Buffer.alloc(32, 7), 15);
const NOW = Date.UTC(2026, 11, 6, 8, 0, 0);

function parts(url: string) {
  const parsed = new URL(url, 'http://chat.test');
  return {
    id: decodeURIComponent(parsed.pathname.split('/').pop() ?? ''),
    expires: parsed.searchParams.get('expires') ?? undefined,
    sig: parsed.searchParams.get('sig') ?? undefined,
  };
}

function codeOf(check: () => void): string | null {
  try {
    check();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.code : 'not an AppError';
  }
}

describe('a visitor link', () => {
  const url = links.visitorUrl('upload-one', NOW);
  const { id, expires, sig } = parts(url);

  it('expires FILE_URL_MINUTES after it was made, and works until then', () => {
    expect(Number(expires)).toBe(NOW / 1000 + 15 * 60);
    expect(codeOf(() => links.verify(id, expires, sig, NOW + 15 * 60 * 1000))).toBeNull();
    expect(codeOf(() => links.verify(id, expires, sig, NOW + 15 * 60 * 1000 + 1000))).toBe('file_link_expired');
  });

  it('opens no other file, and no later time', () => {
    expect(codeOf(() => links.verify('upload-two', expires, sig, NOW))).toBe('file_link_invalid');
    expect(codeOf(() => links.verify(id, String(Number(expires) + 60), sig, NOW))).toBe('file_link_invalid');
  });

  it('is refused when its signature is altered, cut, or missing, before its time is looked at', () => {
    const flipped = `${sig?.slice(0, -1)}${sig?.endsWith('0') ? '1' : '0'}`;
    expect(codeOf(() => links.verify(id, expires, flipped, NOW))).toBe('file_link_invalid');
    expect(codeOf(() => links.verify(id, expires, sig?.slice(2), NOW))).toBe('file_link_invalid');
    expect(codeOf(() => links.verify(id, expires, undefined, NOW))).toBe('file_link_invalid');
    expect(codeOf(() => links.verify(id, '-1', sig, NOW))).toBe('file_link_invalid');
    expect(codeOf(() => links.verify(id, expires, flipped, NOW + 3600 * 1000))).toBe('file_link_invalid');
  });

  it('expires on a whole second when the minutes are no whole number of seconds', () => {
    const brief = new FileLinks(Buffer.alloc(32, 7), 0.01);
    const made = parts(brief.visitorUrl('upload-one', NOW));
    expect(made.expires).toBe(String(NOW / 1000 + 1));
    expect(codeOf(() => brief.verify(made.id, made.expires, made.sig, NOW))).toBeNull();
  });

  it('made with another key is refused', () => {
    const other = new FileLinks(Buffer.alloc(32, 8), 15);
    expect(codeOf(() => other.verify(id, expires, sig, NOW))).toBe('file_link_invalid');
  });
});

describe('links on messages', () => {
  const message: Message = {
    id: 'm1',
    conversationId: 'c1',
    seq: 1,
    clientId: null,
    author: { kind: 'visitor', id: 'v1', name: 'Jo' },
    body: '',
    visibility: 'public',
    createdAt: '2026-12-06T08:00:00.000Z',
    attachments: [{ id: 'a1', name: 'shot.png', size: 10, kind: 'image', mime: 'image/png' }],
  };

  it('gives visitors signed links and operators their session path, without changing the stored message', () => {
    const forVisitor = links.message('visitor', message, NOW);
    const forOperator = links.message('operator', message, NOW);
    expect(forVisitor.attachments?.[0]?.url).toBe(links.visitorUrl('a1', NOW));
    expect(forOperator.attachments?.[0]?.url).toBe('/api/operator/files/a1');
    expect(message.attachments?.[0]?.url).toBeUndefined();
  });

  it('leaves a frame without attachments as it was, so that its bytes can be shared', () => {
    const plain = { ...message, attachments: undefined };
    const frame = { type: 'message.created', message: plain } as const;
    expect(links.frame('visitor', frame)).toBe(frame);
  });
});
