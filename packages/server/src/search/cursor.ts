// Search cursors: the position after a page, sealed so that an operator can neither read nor forge it.

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;
const POSITION_BYTES = 8;
const SEALED_LENGTH = IV_BYTES + TAG_BYTES + POSITION_BYTES;

/**
 * The position is the index's rowid, which counts what every conversation wrote: in the clear, two
 * cursors would tell how busy the conversations the operator may not read were between two results.
 * Bound to the operator, so that a cursor passed around is refused rather than read.
 */
export function sealCursor(secret: Buffer, operatorId: string, position: number): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', secret, iv);
  cipher.setAAD(Buffer.from(operatorId));
  const plain = Buffer.alloc(POSITION_BYTES);
  plain.writeBigInt64BE(BigInt(position));
  const sealed = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString('base64url');
}

/** The position, or null when the cursor was not sealed here for this operator. */
export function openCursor(secret: Buffer, operatorId: string, cursor: string): number | null {
  const raw = Buffer.from(cursor, 'base64url');
  if (raw.length !== SEALED_LENGTH || raw.toString('base64url') !== cursor) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', secret, raw.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(operatorId));
    decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    const plain = Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    const position = Number(plain.readBigInt64BE());
    return Number.isSafeInteger(position) && position > 0 ? position : null;
  } catch {
    return null;
  }
}
