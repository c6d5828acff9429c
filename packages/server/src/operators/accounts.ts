// What the account routes and the command line share: links, refusals, sign-in, ending an operator's work.

import type { LoginResult, OperatorProfile, TeamMember } from '@livechat/protocol';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../db/store.ts';
import { AppError } from '../errors.ts';
import { hashSecret, newSecret, now } from '../ids.ts';
import type { LinkRefusal } from './links.ts';
import type { Member } from './repository.ts';
import { expectedOrigin, setSessionCookie, startSession } from './sessions.ts';

export const INVITE_VALID_MS = 7 * 24 * 3600 * 1000;
export const RESET_VALID_MS = 24 * 3600 * 1000;

/** Where links point: the public URL, or the origin the admin reached this server at. */
export function linkBase(app: FastifyInstance, request: FastifyRequest): string {
  return expectedOrigin(request, app.config.publicUrl);
}

export const setupLink = (base: string, token: string): string => `${base.replace(/\/+$/, '')}/operator/setup#${token}`;
export const acceptLink = (base: string, token: string): string =>
  `${base.replace(/\/+$/, '')}/operator/accept#${token}`;

/** A new one-time link for an operator (an invite while they are invited, a reset otherwise); it replaces theirs. */
export async function newPasswordLink(
  store: Store,
  member: Member,
  base: string,
): Promise<{ kind: 'invite' | 'reset'; token: string; link: string; expiresAt: string }> {
  if (member.status === 'disabled') throw new AppError('conflict', `${member.name} is disabled: enable them first`);
  const kind = member.status === 'invited' ? 'invite' : 'reset';
  const token = newSecret();
  const expiresAt = new Date(Date.now() + (kind === 'invite' ? INVITE_VALID_MS : RESET_VALID_MS)).toISOString();
  await store.accountLinks.issueFor(member.id, kind, hashSecret(token), expiresAt);
  return { kind, token, link: acceptLink(base, token), expiresAt };
}

const WHERE_SETUP = 'the server prints the latest setup link in its log at every start while it has no admin';
const WHERE_ACCEPT = 'ask an admin for a new link';

/** Why a setup or accept link was refused, and where to find a good one. */
export function refusalError(reason: LinkRefusal, kind: 'setup' | 'accept'): AppError {
  const where = kind === 'setup' ? WHERE_SETUP : WHERE_ACCEPT;
  switch (reason) {
    case 'unknown':
      return new AppError('token_invalid', `this link is not valid (it may be incomplete): ${where}`);
    case 'used':
      return new AppError(
        'token_invalid',
        kind === 'setup'
          ? 'this setup link was already used: log in at /operator/'
          : `this link was already used: log in, or ${where}`,
      );
    case 'replaced':
      return new AppError(
        'token_invalid',
        kind === 'setup'
          ? `this link was replaced by a newer one: ${WHERE_SETUP}`
          : `this link was replaced by a newer one: use the latest link you were given, or ${where}`,
      );
    case 'expired':
      return new AppError('token_invalid', `this link has expired: ${where}`);
    case 'admin_exists':
      return new AppError(
        'conflict',
        'the first admin exists already: log in at /operator/, or ask an admin for an invite',
      );
    case 'email_taken':
      return new AppError('conflict', 'this email belongs to another operator');
    case 'disabled':
      return new AppError('forbidden', 'this account is disabled: ask an admin to enable it');
  }
}

/** Starts a login session and sets its cookie, as login does. */
export async function signIn(
  app: FastifyInstance,
  reply: FastifyReply,
  operator: OperatorProfile,
): Promise<LoginResult> {
  const { token, expires } = await startSession(app.store, operator);
  setSessionCookie(reply, token, expires, app.config.secureCookies);
  return { operator };
}

/** `onlineIds`: the operators online now, as presence counts them. */
export function teamMember(member: Member, onlineIds: ReadonlySet<string>, at: string = now()): TeamMember {
  const online = onlineIds.has(member.id);
  const { id, name, email, role, notify, status, capacity } = member;
  return { id, name, email, role, notify, status, online, capacity, lastSeenAt: online ? at : member.lastSeenAt };
}

/**
 * A disabled operator stops at once: their sockets close, and every open conversation of theirs is
 * left as /leave leaves it, so that it goes back to the queue when they were its last member and
 * every other operator's list shows it.
 */
export async function releaseOperator(app: FastifyInstance, operator: OperatorProfile): Promise<void> {
  app.gateway.endOperator(operator.id);
  for (const conversationId of await app.store.conversations.openIdsOfMember(operator.id)) {
    await app.conversations.leave(operator, conversationId);
  }
}
