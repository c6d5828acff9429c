import { MAX_CLIENT_ID_LENGTH } from '@livechat/protocol';
import { describe, expect, it } from 'vitest';
import { newClientId, toBase64Url } from './client-id.ts';

describe('client ids', () => {
  it('are 22 url-safe characters by default, within the server limit', () => {
    const id = newClientId();
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(id.length).toBeLessThanOrEqual(MAX_CLIENT_ID_LENGTH);
  });

  it('stay url-safe for every length the widget uses', () => {
    for (const bytes of [6, 9, 16, 48]) expect(newClientId(bytes)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(newClientId(48).length).toBeLessThanOrEqual(MAX_CLIENT_ID_LENGTH);
  });

  it('do not repeat', () => {
    const ids = new Set(Array.from({ length: 2000 }, () => newClientId()));
    expect(ids.size).toBe(2000);
  });

  it('encode bytes as base64url without padding', () => {
    expect(toBase64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(toBase64Url(new Uint8Array([0x66, 0x6f, 0x6f]))).toBe('Zm9v');
    expect(toBase64Url(new Uint8Array([]))).toBe('');
  });
});
