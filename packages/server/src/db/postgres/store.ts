// The repositories the server works with, built over one PostgreSQL pool.

import type { Store } from '../store.ts';
import type { PgDb } from './connection.ts';
import { PostgresJobRepository } from './jobs.ts';

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
  return {
    sites: missing('sites'),
    operators: missing('operators'),
    accountLinks: missing('accountLinks'),
    visitors: missing('visitors'),
    conversations: missing('conversations'),
    messages: missing('messages'),
    ratings: missing('ratings'),
    responseTimes: missing('responseTimes'),
    views: missing('views'),
    reports: missing('reports'),
    canned: missing('canned'),
    mentions: missing('mentions'),
    notifications: missing('notifications'),
    outbox: missing('outbox'),
    visitorMail: missing('visitorMail'),
    readMarks: missing('readMarks'),
    settings: missing('settings'),
    helpdesk: missing('helpdesk'),
    crm: missing('crm'),
    commandResults: missing('commandResults'),
    search: missing('search'),
    searchIndex: missing('searchIndex'),
    commandWrites: missing('commandWrites'),
    audit: missing('audit'),
    visitorData: missing('visitorData'),
    uploads: missing('uploads'),
    servedFiles: missing('servedFiles'),
    jobs: new PostgresJobRepository(db),
  };
}
