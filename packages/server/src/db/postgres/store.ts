// The repositories the server works with, built over one PostgreSQL pool.

import type { Store } from '../store.ts';
import { PostgresCannedResponseRepository } from './canned.ts';
import { PostgresCommandResultRepository } from './command-results.ts';
import { PostgresCommandWrites } from './command-writes.ts';
import type { PgDb } from './connection.ts';
import { PostgresCrmRepository } from './crm.ts';
import { PostgresHelpdeskRepository } from './helpdesk.ts';
import { PostgresMentionRepository } from './mentions.ts';
import { PostgresNotificationRepository } from './notifications.ts';
import { PostgresSearchIndexMerge, PostgresSearchRepository } from './search.ts';
import { PostgresOperatorRepository } from './operators.ts';
import { PostgresSiteRepository } from './sites.ts';
import { PostgresVisitorRepository } from './visitors.ts';

/** A repository this store does not have yet: any use of it fails saying which. */
function missing<T extends object>(name: string): T {
  return new Proxy({} as T, {
    get(_target, key) {
      if (typeof key === 'symbol' || key === 'then') return undefined;
      return () => Promise.reject(new Error(`the PostgreSQL store has no ${name}.${key} yet`));
    },
  });
}

export function postgresStore(db: PgDb): Store {
  const helpdesk = new PostgresHelpdeskRepository(db);
  const crm = new PostgresCrmRepository(db);
  const commandResults = new PostgresCommandResultRepository(db);
  const operators = new PostgresOperatorRepository(db);
  return {
    sites: new PostgresSiteRepository(db),
    operators,
    accountLinks: missing('accountLinks'),
    visitors: new PostgresVisitorRepository(db),
    conversations: missing('conversations'),
    messages: missing('messages'),
    ratings: missing('ratings'),
    responseTimes: missing('responseTimes'),
    views: missing('views'),
    reports: missing('reports'),
    canned: new PostgresCannedResponseRepository(db),
    mentions: new PostgresMentionRepository(db),
    notifications: new PostgresNotificationRepository(db),
    outbox: missing('outbox'),
    visitorMail: missing('visitorMail'),
    readMarks: missing('readMarks'),
    settings: missing('settings'),
    helpdesk,
    crm,
    commandResults,
    search: new PostgresSearchRepository(db),
    searchIndex: new PostgresSearchIndexMerge(),
    commandWrites: new PostgresCommandWrites(db, { helpdesk, crm, commandResults }),
    audit: missing('audit'),
    visitorData: missing('visitorData'),
    uploads: missing('uploads'),
    servedFiles: missing('servedFiles'),
  };
}
