// The repositories the server works with, built over one SQLite connection.

import type { Store } from '../store.ts';
import { SqliteAccountLinkRepository } from './account-links.ts';
import { SqliteAuditRepository } from './audit.ts';
import { SqliteCannedResponseRepository } from './canned.ts';
import { SqliteCommandResultRepository } from './command-results.ts';
import { SqliteCommandWrites } from './command-writes.ts';
import { SqliteConversationRepository } from './conversations.ts';
import { SqliteCrmRepository } from './crm.ts';
import { SqliteHelpdeskRepository } from './helpdesk.ts';
import { SqliteInboxViews } from './inbox-views.ts';
import { SqliteJobRepository } from './jobs.ts';
import { SqliteMentionRepository } from './mentions.ts';
import { SqliteMessageRepository } from './messages.ts';
import { SqliteNotificationRepository } from './notifications.ts';
import { SqliteOperatorRepository } from './operators.ts';
import { SqliteOutboxRepository } from './outbox.ts';
import { SqliteRatingRepository } from './ratings.ts';
import { SqliteReadMarks } from './read-marks.ts';
import { SqliteReportRepository } from './reports.ts';
import { SqliteResponseTimes } from './response-times.ts';
import { SqliteSearchIndexMerge, SqliteSearchRepository } from './search.ts';
import { SqliteServedFileRepository } from './served-files.ts';
import { SqliteSettingsRepository } from './settings.ts';
import { SqliteSiteRepository } from './sites.ts';
import { SqliteUploadRepository } from './uploads.ts';
import { SqliteVisitorDataRepository } from './visitor-data.ts';
import { SqliteVisitorMailRepository } from './visitor-mail.ts';
import { SqliteVisitorRepository } from './visitors.ts';
import type { Db } from './connection.ts';

export function sqliteStore(db: Db): Store {
  const helpdesk = new SqliteHelpdeskRepository(db);
  const crm = new SqliteCrmRepository(db);
  const commandResults = new SqliteCommandResultRepository(db);
  const operators = new SqliteOperatorRepository(db);
  const uploads = new SqliteUploadRepository(db);
  return {
    sites: new SqliteSiteRepository(db),
    operators,
    accountLinks: new SqliteAccountLinkRepository(db, operators),
    visitors: new SqliteVisitorRepository(db),
    conversations: new SqliteConversationRepository(db),
    messages: new SqliteMessageRepository(db),
    ratings: new SqliteRatingRepository(db),
    responseTimes: new SqliteResponseTimes(db),
    views: new SqliteInboxViews(db),
    reports: new SqliteReportRepository(db),
    canned: new SqliteCannedResponseRepository(db),
    mentions: new SqliteMentionRepository(db),
    notifications: new SqliteNotificationRepository(db),
    outbox: new SqliteOutboxRepository(db),
    visitorMail: new SqliteVisitorMailRepository(db),
    readMarks: new SqliteReadMarks(db),
    settings: new SqliteSettingsRepository(db),
    helpdesk,
    crm,
    commandResults,
    search: new SqliteSearchRepository(db),
    searchIndex: new SqliteSearchIndexMerge(db),
    commandWrites: new SqliteCommandWrites(db, { helpdesk, crm, commandResults }),
    audit: new SqliteAuditRepository(db),
    visitorData: new SqliteVisitorDataRepository(db, uploads),
    uploads,
    servedFiles: new SqliteServedFileRepository(db),
    jobs: new SqliteJobRepository(),
  };
}
