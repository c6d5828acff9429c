// After the bus between nodes was away: what it carried meanwhile may be lost, so this node reads from
// the database what its connections would otherwise wait for until the next event.

import type { OperatorSession, VisitorSession } from './sessions.ts';

/**
 * Has every feed stream what the store holds beyond its cursor, and answers the conversations this
 * node's connections stream or list, whose listings may be out of date.
 */
export function catchUpFeeds(sessionsByKey: Iterable<ReadonlySet<VisitorSession | OperatorSession>>): Set<string> {
  const followed = new Set<string>();
  for (const sessions of sessionsByKey) {
    for (const session of sessions) {
      for (const [conversationId, feed] of session.connection.feeds) {
        feed.catchUp();
        followed.add(conversationId);
      }
      if (session.kind === 'operator') for (const conversationId of session.listed) followed.add(conversationId);
    }
  }
  return followed;
}
