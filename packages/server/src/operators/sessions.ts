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

/** How long a session may go unused, and how often its use is written down (at most once a minute). */
export function idlePolicy(idleHours: number) {
  const idleMs = idleHours * 3600 * 1000;
  return { idleMs, touchEveryMs: Math.min(60_000, idleMs / 4) };
}

/**
 * The operator of the request's session, if it is neither expired nor idle; a use of it is recorded
 * (at most once a minute, so that reading a session costs no write).
 */
export async function operatorFromRequest(store: Store, request: FastifyRequest): Promise<OperatorProfile | null> {
  const token = request.cookies[SESSION_COOKIE];
  if (!token) return null;
  const hash = hashSecret(token);
  const { idleMs, touchEveryMs } = idlePolicy(request.server.config.sessionIdleHours);
  const at = Date.now();
  const operator = await store.operators.bySession(hash, new Date(at - idleMs).toISOString());
  if (operator) await recordSessionUse(store, hash, at, touchEveryMs);
  return operator;
}

export async function recordSessionUse(store: Store, hash: string, at: number, touchEveryMs: number): Promise<void> {
  await store.operators.touchSession(hash, new Date(at).toISOString(), new Date(at - touchEveryMs).toISOString());
}

/** The operator's own server origin: their browser's Origin must match it (no cross-site sockets). */
export function expectedOrigin(request: FastifyRequest, publicUrl: string | null): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}
