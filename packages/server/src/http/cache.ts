// Which Cache-Control each built file gets: forever for content-hashed names, briefly for stable names.

import { basename } from 'node:path';

export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Stable names a page keeps (widget.js): fresh within minutes of a deploy, revalidated by ETag. */
export const SHORT_LIVED = 'public, max-age=300';
export const REVALIDATE = 'no-cache';

const PRECOMPRESSED = /\.(br|gz)$/;

/**
 * Vite names chunks `name-HASH.ext` with an 8-character base64url hash. A plain word of eight
 * letters (`-reconnec.js`) is not taken for one: a hash has a digit or a capital, and a file wrongly
 * thought stable is only cached for minutes, never the other way round.
 */
export function isContentHashed(file: string): boolean {
  const name = basename(file).replace(PRECOMPRESSED, '');
  const hash = /-([A-Za-z0-9_-]{8})\.[a-z0-9]+$/.exec(name)?.[1];
  return hash !== undefined && /[0-9A-Z]/.test(hash);
}

export function widgetCacheControl(file: string): string {
  return isContentHashed(file) ? IMMUTABLE : SHORT_LIVED;
}

/** index.html must be revalidated at every load, so that a deploy reaches operators at their next reload. */
export function operatorCacheControl(file: string): string {
  return isContentHashed(file) ? IMMUTABLE : REVALIDATE;
}
