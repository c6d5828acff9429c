// This node's sessions by visitor or operator, and what ends or changes a visitor's sockets here.

import { CLOSE_NOT_AVAILABLE, CLOSE_SESSION_ENDED } from '@livechat/protocol';
import { isOriginAllowed, type Site } from '../sites/repository.ts';
import type { VisitorSession } from './sessions.ts';

/** How long a socket whose session ended may take to answer its close frame before it is cut. */
export const SESSION_END_GRACE_MS = 500;

export type VisitorSessions = Map<string, Set<VisitorSession>>;

export function addTo<T>(map: Map<string, Set<T>>, key: string, value: T): void {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  set.add(value);
}

/** Whether the value was there. */
export function removeFrom<T>(map: Map<string, Set<T>>, key: string, value: T): boolean {
  const set = map.get(key);
  if (!set?.delete(value)) return false;
  if (set.size === 0) map.delete(key);
  return true;
}

/** A visitor's reset(): the sockets opened with that token close now. */
export function endVisitorToken(visitorSessions: VisitorSessions, tokenHash: string): void {
  for (const sessions of visitorSessions.values()) {
    for (const session of [...sessions]) {
      if (session.tokenHash !== tokenHash) continue;
      removeFrom(visitorSessions, session.visitor.id, session);
      session.connection.end(CLOSE_SESSION_ENDED, 'session ended', SESSION_END_GRACE_MS);
    }
  }
}

/** An erased visitor: every socket of theirs closes now, whatever token opened it. */
export function endVisitor(visitorSessions: VisitorSessions, visitorId: string): void {
  for (const session of [...(visitorSessions.get(visitorId) ?? [])]) {
    removeFrom(visitorSessions, visitorId, session);
    session.connection.end(CLOSE_SESSION_ENDED, 'session ended', SESSION_END_GRACE_MS);
  }
}

/**
 * A site was edited: its visitors' sockets act with the new settings, and those whose page the site
 * no longer allows (archived, or their origin removed) close now rather than at their next reconnect.
 */
export function applySite(visitorSessions: VisitorSessions, site: Site): void {
  for (const sessions of visitorSessions.values()) {
    for (const session of [...sessions]) {
      if (session.site.id !== site.id) continue;
      if (site.archivedAt === null && isOriginAllowed(site, session.origin)) {
        session.site = site;
        continue;
      }
      removeFrom(visitorSessions, session.visitor.id, session);
      session.connection.end(CLOSE_NOT_AVAILABLE, 'chat is not available on this page', SESSION_END_GRACE_MS);
    }
  }
}
