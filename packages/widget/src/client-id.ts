// Random ids for messages and frames: url-safe, short, and accepted by the server's id rules.

/** base64url without padding: only [A-Za-z0-9_-], so ids survive URLs, JSON and logs untouched. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * A message's idempotency key, made once when the visitor sends and reused on every resend.
 * 16 random bytes (22 characters) make a collision between two messages practically impossible.
 */
export function newClientId(byteLength = 16): string {
  return toBase64Url(crypto.getRandomValues(new Uint8Array(byteLength)));
}
