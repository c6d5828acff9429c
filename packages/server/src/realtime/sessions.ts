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
  /** The conversation this connection last wrote to, so the next message need not look it up. */
  conversationId?: string;
}

export interface OperatorSession {
  kind: 'operator';
  connection: Connection;
  operator: OperatorProfile;
  /** Conversations currently in this connection's list, so it can be told when one leaves it. */
  listed: Set<string>;
}
