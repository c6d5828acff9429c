// Signed tokens scoped to one conversation: in a reply email's link and in its reply address.

import { createHmac, timingSafeEqual } from 'node:crypto';

/** A reply email's link and reply address work this long after the email is made. */
export const CONVERSATION_TOKEN_DAYS = 30;

const MAC_BYTES = 10;
const EXPIRY_BYTES = 4;
// Lower-case base32: the token sits in an email address's local part, which mail systems may lower-case.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';

export type TokenCheck =
  | { ok: true; conversationId: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'forged' | 'expired' };

function base32(bytes: Buffer): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += ALPHABET[(value << (5 - bits)) & 31];
  return out;
}

function unbase32(text: string): Buffer | null {
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of text.toLowerCase()) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0) return null;
    value = ((value << 5) | digit) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

const mac = (key: Buffer, expiry: number, conversationId: string): Buffer =>
  createHmac('sha256', key).update(`conversation:${expiry}:${conversationId}`).digest().subarray(0, MAC_BYTES);

/**
 * Expiry (4 bytes, seconds), a truncated HMAC-SHA256 (80 bits: forging one takes 2^79 tries on average,
 * each one a mail or a request), then the conversation id; 56 characters for a 21-character id, so that
 * `reply+TOKEN` stays within an address's 64-character local part.
 */
export function signConversationToken(
  key: Buffer,
  conversationId: string,
  now = new Date(),
  days = CONVERSATION_TOKEN_DAYS,
): string {
  const expiry = Math.floor(now.getTime() / 1000) + days * 86_400;
  const head = Buffer.alloc(EXPIRY_BYTES);
  head.writeUInt32BE(expiry);
  return base32(Buffer.concat([head, mac(key, expiry, conversationId), Buffer.from(conversationId, 'utf8')]));
}

export function checkConversationToken(key: Buffer, token: string, now = new Date()): TokenCheck {
  const bytes = token.length <= 120 ? unbase32(token) : null;
  if (!bytes || bytes.length <= EXPIRY_BYTES + MAC_BYTES) return { ok: false, reason: 'malformed' };
  const expiry = bytes.readUInt32BE(0);
  const given = bytes.subarray(EXPIRY_BYTES, EXPIRY_BYTES + MAC_BYTES);
  const conversationId = bytes.subarray(EXPIRY_BYTES + MAC_BYTES).toString('utf8');
  if (!/^[\w-]{8,40}$/.test(conversationId)) return { ok: false, reason: 'malformed' };
  if (!timingSafeEqual(given, mac(key, expiry, conversationId))) return { ok: false, reason: 'forged' };
  if (expiry * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, conversationId, expiresAt: new Date(expiry * 1000) };
}
