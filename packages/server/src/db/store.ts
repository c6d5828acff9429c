// The repositories the server works with, built over one SQLite connection.

import { SqliteConversationRepository, type ConversationRepository } from '../conversations/repository.ts';
import { SqliteMessageRepository, type MessageRepository } from '../conversations/messages.ts';
import { SqliteOperatorRepository, type OperatorRepository } from '../operators/repository.ts';
import { SqliteSiteRepository, type SiteRepository } from '../sites/repository.ts';
import { SqliteVisitorRepository, type VisitorRepository } from '../visitors/repository.ts';
import type { Db } from './connection.ts';

export interface Store {
  sites: SiteRepository;
  operators: OperatorRepository;
  visitors: VisitorRepository;
  conversations: ConversationRepository;
  messages: MessageRepository;
}

export function sqliteStore(db: Db): Store {
  return {
    sites: new SqliteSiteRepository(db),
    operators: new SqliteOperatorRepository(db),
    visitors: new SqliteVisitorRepository(db),
    conversations: new SqliteConversationRepository(db),
    messages: new SqliteMessageRepository(db),
  };
}
