import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkConversationToken, signConversationToken } from './conversation-token.ts';

const key = randomBytes(32);
const id = 'V1StGXR8_Z5jdHi6B-myT';

describe('conversation tokens', () => {
  it('round-trips, fits an address local part, and survives lower-casing', () => {
    const token = signConversationToken(key, id);
    expect(`reply+${token}`.length).toBeLessThanOrEqual(64);
    expect(token).toMatch(/^[a-z2-7]+$/);
    const check = checkConversationToken(key, token.toUpperCase());
    expect(check).toMatchObject({ ok: true, conversationId: id });
  });

  it('refuses a token signed with another key, an altered one, an expired one and garbage', () => {
    const token = signConversationToken(key, id);
    expect(checkConversationToken(randomBytes(32), token)).toEqual({ ok: false, reason: 'forged' });
    const flipped = token.slice(0, 10) + (token[10] === 'a' ? 'b' : 'a') + token.slice(11);
    expect(checkConversationToken(key, flipped).ok).toBe(false);
    const old = signConversationToken(key, id, new Date('2020-01-01T00:00:00Z'));
    expect(checkConversationToken(key, old)).toEqual({ ok: false, reason: 'expired' });
    expect(checkConversationToken(key, 'not a token!')).toEqual({ ok: false, reason: 'malformed' });
    expect(checkConversationToken(key, '')).toEqual({ ok: false, reason: 'malformed' });
  });
});
