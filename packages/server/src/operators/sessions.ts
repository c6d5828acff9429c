// Operator login and sessions: scrypt-checked passwords, hashed session tokens in an httpOnly cookie.

import type { OperatorProfile } from '@livechat/protocol';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import { hashSecret, newSecret } from '../ids.ts';
import type { HashSlots } from '../limits/hash-slots.ts';
import { DUMMY_HASH, verifyPassword } from './passwords.ts';

export const SESSION_COOKIE = 'lc_session';
const SESSION_DAYS = 30;

export async function login(store: Store, slots: HashSlots, email: string, password: string) {
  const found = await store.operators.credentials(email.trim());
  const valid = await slots.run(() => verifyPassword(password, found?.passwordHash ?? DUMMY_HASH));
  // Invited and disabled accounts get the same answer as a wrong password: nothing to probe.
  if (!found || !valid || !found.usable) throw new AppError('unauthorized', 'wrong email or password');
  return startSession(store, found.operator);
}

/** A new login session for the operator, whose token goes into the cookie. */
export async function startSession(store: Store, operator: OperatorProfile) {
  const token = newSecret();
  const expires = new Date(Date.now() + SESSION_DAYS * 24 * 3600 * 1000);
  await store.operators.createSession(hashSecret(token), operator.id, expires.toISOString());
  return { operator, token, expires };
}

/** The hash of the request's session token, if it carries one. */
export function sessionHashOf(request: FastifyRequest): string | null {
  const token = request.cookies[SESSION_COOKIE];
  return token ? hashSecret(token) : null;
}

export function setSessionCookie(reply: FastifyReply, token: string, expires: Date, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/', expires });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure, path: '/' });
}

export async function operatorFromRequest(store: Store, request: FastifyRequest): Promise<OperatorProfile | null> {
  const token = request.cookies[SESSION_COOKIE];
  return token ? store.operators.bySession(hashSecret(token)) : null;
}

/** The operator's own server origin: their browser's Origin must match it (no cross-site sockets). */
export function expectedOrigin(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
