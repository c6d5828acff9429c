// Random ids for frames and message idempotency keys: base64url, well under the protocol's length limit.

/** 16 random bytes → 22 base64url characters. */
export function newId(byteLength = 16): string {
  const bytes = new Uint8Array(byteLength);
  crypto.getRandomValues(bytes);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
