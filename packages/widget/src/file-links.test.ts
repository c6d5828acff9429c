import { describe, expect, it } from 'vitest';
import { expiresAt, fileUrl, isStale } from './file-links.ts';

describe('attachment links', () => {
  it('resolves the server’s paths against the chat server, whatever the page', () => {
    expect(fileUrl('https://chat.example.com', '/api/files/f1?expires=10&sig=ab')).toBe(
      'https://chat.example.com/api/files/f1?expires=10&sig=ab',
    );
    expect(fileUrl('http://127.0.0.1:3000', '/api/files/f2')).toBe('http://127.0.0.1:3000/api/files/f2');
  });

  it('reads when a signed link expires, and calls it stale a little before', () => {
    const url = 'https://chat.example.com/api/files/f1?expires=1800000000&sig=ab';
    expect(expiresAt(url)).toBe(1_800_000_000_000);
    expect(isStale(url, 1_799_999_000_000)).toBe(false);
    expect(isStale(url, 1_799_999_999_000)).toBe(true);
    expect(isStale(url, 1_800_000_100_000)).toBe(true);
    expect(isStale('https://chat.example.com/api/operator/files/f1', 1_900_000_000_000)).toBe(false);
  });
});
