// The repositories the server works with, built over one PostgreSQL pool.

import type { Store } from '../store.ts';
import { PostgresAccountLinkRepository } from './account-links.ts';
import { PostgresAuditRepository } from './audit.ts';
import type { PgDb } from './connection.ts';
import { PostgresConversationRepository } from './conversations.ts';
import { PostgresInboxViews } from './inbox-views.ts';
import { PostgresJobRepository } from './jobs.ts';
import { PostgresMessageRepository } from './messages.ts';
import { PostgresRatingRepository } from './ratings.ts';
import { PostgresReadMarks } from './read-marks.ts';
import { PostgresResponseTimes } from './response-times.ts';
import { PostgresCannedResponseRepository } from './canned.ts';
import { PostgresCommandResultRepository } from './command-results.ts';
import { PostgresCommandWrites } from './command-writes.ts';
import { PostgresCrmRepository } from './crm.ts';
import { PostgresHelpdeskRepository } from './helpdesk.ts';
import { PostgresMentionRepository } from './mentions.ts';
import { PostgresNotificationRepository } from './notifications.ts';
import { PostgresSearchIndexMerge, PostgresSearchRepository } from './search.ts';
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

export function postgresStore(db: PgDb): Store {
  const helpdesk = new PostgresHelpdeskRepository(db);
  const crm = new PostgresCrmRepository(db);
  const commandResults = new PostgresCommandResultRepository(db);
  const operators = new PostgresOperatorRepository(db);
  const outbox = new PostgresOutboxRepository(db);
  const uploads = new PostgresUploadRepository(db);
  return {
    sites: new PostgresSiteRepository(db),
    operators,
    accountLinks: new PostgresAccountLinkRepository(db, operators),
    visitors: new PostgresVisitorRepository(db),
    conversations: new PostgresConversationRepository(db),
    messages: new PostgresMessageRepository(db),
    ratings: new PostgresRatingRepository(db),
    responseTimes: new PostgresResponseTimes(db),
    views: new PostgresInboxViews(db),
    reports: new PostgresReportRepository(db),
    canned: new PostgresCannedResponseRepository(db),
    mentions: new PostgresMentionRepository(db),
    notifications: new PostgresNotificationRepository(db),
    outbox,
    visitorMail: new PostgresVisitorMailRepository(db, outbox),
    readMarks: new PostgresReadMarks(db),
    settings: new PostgresSettingsRepository(db),
    helpdesk,
    crm,
    commandResults,
    search: new PostgresSearchRepository(db),
    searchIndex: new PostgresSearchIndexMerge(),
    commandWrites: new PostgresCommandWrites(db, { helpdesk, crm, commandResults }),
    audit: new PostgresAuditRepository(db),
    visitorData: new PostgresVisitorDataRepository(db, uploads),
    uploads,
    servedFiles: new PostgresServedFileRepository(db),
    jobs: new PostgresJobRepository(db),
  };
}
