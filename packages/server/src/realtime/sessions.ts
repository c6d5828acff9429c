// The two kinds of authenticated connection the gateway serves.

import type { OperatorProfile } from '@livechat/protocol';
import type { Site } from '../sites/repository.ts';
import type { Visitor } from '../visitors/repository.ts';
import type { Connection } from './connection.ts';

export interface VisitorSession {
  kind: 'visitor';
  connection: Connection;
  visitor: Visitor;
  site: Site;
  /** The hashed token the socket was opened with: a reset() of that token closes it. */
  tokenHash: string;
  /** The page's origin the socket came from, checked again when the site's allowed origins change. */
  origin: string;
  /** The address it came from, as limits count it (new conversations per address). */
  address: string;
  /** The conversation this connection last wrote to, so the next message need not look it up. */
  conversationId?: string;
  /**
   * The open conversation the welcome named, which the client streams by its own sync (from the last
   * seq it has): a live message never opens a feed for it first, which the sync would then repeat.
   */
  welcomedConversationId?: string;
  /**
   * True until the welcome is sent. A live message meanwhile opens no feed: the client resumes from the
   * highest seq it holds, so a message given before the welcome would make it skip those before it.
   */
  welcoming: boolean;
}

export interface OperatorSession {
  kind: 'operator';
  connection: Connection;
  operator: OperatorProfile;
  /** The hashed login session the socket was opened with: logging out of it closes the socket. */
  sessionHash: string;
  /** Conversations currently in this connection's list, so it can be told when one leaves it. */
  listed: Set<string>;
}
