// The repositories the server works with, built over one PostgreSQL pool.

import type { Store } from '../store.ts';
import { PostgresAccountLinkRepository } from './account-links.ts';
import { PostgresAuditRepository } from './audit.ts';
import type { PgDb } from './connection.ts';
import { PostgresOperatorRepository } from './operators.ts';
import { PostgresOutboxRepository } from './outbox.ts';
import { PostgresReportRepository } from './reports.ts';
import { PostgresServedFileRepository } from './served-files.ts';
import { PostgresSettingsRepository } from './settings.ts';
import { PostgresSiteRepository } from './sites.ts';
import { PostgresUploadRepository } from './uploads.ts';
import { PostgresVisitorDataRepository } from './visitor-data.ts';
import { PostgresVisitorMailRepository } from './visitor-mail.ts';
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
  const operators = new PostgresOperatorRepository(db);
  const outbox = new PostgresOutboxRepository(db);
  const uploads = new PostgresUploadRepository(db);
  return {
    sites: new PostgresSiteRepository(db),
    operators,
    accountLinks: new PostgresAccountLinkRepository(db, operators),
    visitors: new PostgresVisitorRepository(db),
    conversations: missing('conversations'),
    messages: missing('messages'),
    ratings: missing('ratings'),
    responseTimes: missing('responseTimes'),
    views: missing('views'),
    reports: new PostgresReportRepository(db),
    canned: missing('canned'),
    mentions: missing('mentions'),
    notifications: missing('notifications'),
    outbox,
    visitorMail: new PostgresVisitorMailRepository(db, outbox),
    readMarks: missing('readMarks'),
    settings: new PostgresSettingsRepository(db),
    helpdesk: missing('helpdesk'),
    crm: missing('crm'),
    commandResults: missing('commandResults'),
    search: missing('search'),
    searchIndex: missing('searchIndex'),
    commandWrites: missing('commandWrites'),
    audit: new PostgresAuditRepository(db),
    visitorData: new PostgresVisitorDataRepository(db, uploads),
    uploads,
    servedFiles: new PostgresServedFileRepository(db),
  };
}
