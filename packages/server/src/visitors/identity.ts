// Identity verification: the site's backend signs its user id with the site secret, the server checks it.

import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IdentifyInput, IdentifyResult } from '@livechat/protocol';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import { hashSecret, newSecret } from '../ids.ts';
import type { Site } from '../sites/repository.ts';
import type { Visitor } from './repository.ts';

/** hex(HMAC-SHA256(secret, id)): what the site's backend computes, documented in Node, Python and PHP. */
export function identityHash(secret: string, externalId: string): string {
  return createHmac('sha256', secret).update(externalId, 'utf8').digest('hex');
}

/** Constant-time comparison, so response times say nothing about how much of a guess was right. */
export function hashMatches(secret: string, externalId: string, hash: string): boolean {
  if (!/^[0-9a-f]{64}$/i.test(hash)) return false;
  const expected = Buffer.from(identityHash(secret, externalId), 'hex');
  return timingSafeEqual(expected, Buffer.from(hash, 'hex'));
}

/**
 * Makes the token's visitor the site's contact `input.id`, or points the widget at the visitor
 * that already is that contact (a second device). Without a valid hash, nothing is merged or
 * revealed: the name and email are kept as unverified details of this browser's visitor only.
 */
export async function identify(
  store: Store,
  site: Site,
  visitor: Visitor,
  input: IdentifyInput,
): Promise<IdentifyResult> {
  const profile = { name: input.name, email: input.email };
  if (input.hash !== undefined) {
    if (!hashMatches(site.identitySecret, input.id, input.hash)) {
      throw new AppError(
        'identity_invalid',
        'the hash does not match this user id: compute HMAC-SHA256(site secret, id) on your server',
      );
    }
    const token = newSecret();
    const { visitorId, tokenIssued } = await store.visitors.resolveContact(
      site.id,
      visitor.id,
      input.id,
      hashSecret(token),
    );
    await store.visitors.updateProfile(visitorId, profile);
    // The pages this browser saw before logging in belong to the contact's history too.
    if (visitorId !== visitor.id && visitor.externalId === null)
      await store.visitors.copyPageViews(visitor.id, visitorId);
    return { visitorId, token: tokenIssued ? token : null, verified: true };
  }
  if (site.requireIdentity) {
    throw new AppError(
      'identity_invalid',
      'this site requires identity verification: pass hash = HMAC-SHA256(site secret, id)',
    );
  }
  if (visitor.externalId !== null && visitor.externalId !== input.id) {
    // A verified contact's details are never overwritten without a hash: someone else is using
    // this browser, so they get a visitor of their own.
    const token = newSecret();
    const fresh = await store.visitors.create(site.id, hashSecret(token), profile);
    return { visitorId: fresh.id, token, verified: false };
  }
  await store.visitors.updateProfile(visitor.id, profile);
  return { visitorId: visitor.id, token: null, verified: visitor.externalId !== null };
}
